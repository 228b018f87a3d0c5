package dev.gigafactory.intake.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.GuardedWrites;
import dev.gigafactory.intake.Specs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** When writes are guarded, the submit page asks for the key; with Grafana configured, a spec links to it. */
@QuarkusTest
@TestProfile(GuardedWrites.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleWithKeysTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void settingsSayWritesNeedAKeyAndWhereGrafanaIs() {
        given().get("/api/console").then().statusCode(200)
                .body("writesGuarded", equalTo(true), "grafanaUrl", equalTo(GuardedWrites.GRAFANA + "/"));
    }

    @Test
    void theSubmitPageAsksForTheKeyAndTheSpecPageLinksToGrafana() {
        try (Browser browser = Browser.start(root)) {
            browser.open("/submit.html");
            browser.visible("#api-key");
            browser.assertAccessibleBasics();
            browser.find("#document").sendKeys(Specs.yaml("console-keyed"));
            browser.find("#api-key").sendKeys("not-a-key");
            browser.find("#submit").click();
            browser.awaitText("#result", "need a valid API key");
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");

            browser.find("#api-key").clear();
            browser.find("#api-key").sendKeys("k-one");
            browser.find("#submit").click();
            browser.awaitText("#result-title", "Accepted: console-keyed version 1");
            browser.screenshot("submit-with-key");

            browser.find("#spec-link").click();
            browser.find("#grafana a");
            assertThat(browser.find("#grafana a").getAttribute("href"))
                    .isEqualTo(GuardedWrites.GRAFANA + "/d/gigafactory-products?var-product=console-keyed");
        }
    }
}
