package dev.gigafactory.intake.console;

import static dev.gigafactory.intake.PipelineEvents.coded;
import static dev.gigafactory.intake.PipelineEvents.deployed;
import static dev.gigafactory.intake.PipelineEvents.incident;
import static dev.gigafactory.intake.PipelineEvents.ledger;
import static dev.gigafactory.intake.PipelineEvents.planned;
import static dev.gigafactory.intake.PipelineEvents.tested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.IncidentDetected;
import dev.gigafactory.contracts.events.SpecAccepted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.intake.Specs;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium: a spec submitted through the page is followed to running without a
 * reload (the downstream stages' events are put on the real broker by the test), and a bad one shows its problems at
 * their lines. One browser for the class: starting Chromium is the slow part.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path TODO = ExampleSpecs.path("todo.yaml");
    private static final String PRODUCT = "http://127.0.0.1:8765";
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;
    private KafkaTestClient kafka;

    @BeforeEach
    void start() {
        if (browser == null) {
            browser = Browser.start(root);
        }
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void closeKafka() {
        kafka.close();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void submitsTheTodoSpecThroughThePageAndWatchesItReachRunningWithoutAReload() {
        browser.open("/");
        browser.find("#live.live:not(.down)");
        String specsTab = browser.driver.getWindowHandle();
        browser.assertAccessibleBasics();

        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open("/submit.html");
        browser.assertAccessibleBasics();
        browser.find("#file").sendKeys(TODO.toString());
        browser.awaitValue("#document", "name: todo");
        browser.find("#submit").click();
        browser.awaitText("#result-title", "Accepted: todo version 1");

        ServiceSpec todo = kafka.awaitEvent(SpecAccepted.class, e -> e.spec().equals("todo"), WAIT).document();
        buildsAfterOneRepair(todo);
        browser.awaitText("#live-stage", "running");
        assertThat(browser.notReloaded()).as("the submit page was not reloaded").isTrue();
        browser.screenshot("submit-accepted");

        browser.driver.switchTo().window(specsTab);
        browser.awaitText("tr[data-spec='todo'] .stage", "running");
        assertThat(browser.find("tr[data-spec='todo'] .url").getText()).isEqualTo(PRODUCT);
        assertThat(browser.find("tr[data-spec='todo'] .version").getText()).isEqualTo("v1");
        assertThat(browser.notReloaded()).as("the specs page was not reloaded").isTrue();
        Select stage = new Select(browser.find("#stage-filter"));
        stage.selectByValue("rejected");
        assertThat(browser.all("tr[data-spec='todo']")).isEmpty();
        stage.selectByValue("running");
        browser.find("tr[data-spec='todo']");
        browser.screenshot("specs");

        browser.find("tr[data-spec='todo'] a").click();
        browser.find("#pipeline li[data-stage='running'].reached");
        browser.mark();
        browser.assertAccessibleBasics();
        assertThat(browser.find("#product").getText()).isEqualTo(PRODUCT);
        assertThat(browser.find("#tests-v1-a1 .step-evidence").getText()).contains("GET /todos/1", "status 200",
                "status 404", "Not found");
        assertThat(browser.find("#ledger #cost").getText()).isEqualTo("$0.0300");

        kafka.publish(incident("todo", 1, "inc-todo", IncidentDetected.Remediation.RESTART));
        kafka.publish(deployed("todo", 1, 2, PRODUCT, DeploymentCompleted.restartFor("inc-todo")));
        browser.awaitText("#incidents tr[data-incident='inc-todo'] .healing", "healed");
        assertThat(browser.find("#deployments tbody tr:first-child").getText()).contains("restart", "inc-todo");
        assertThat(browser.notReloaded()).as("the spec page was not reloaded").isTrue();
        browser.screenshot("spec");
    }

    @Test
    void aBadSpecShowsEachProblemBesideItsLine() {
        browser.open("/submit.html");
        browser.find("#document").sendKeys(Specs.invalid("console-browser-bad"));
        // From the keyboard: Tab leaves the document for the submit button, Enter submits.
        browser.find("#document").sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("submit");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        browser.awaitText("#result-title", "Rejected");
        assertThat(browser.find("#problems li[data-pointer='/spec/entities/0/fields/0/type']").getText())
                .startsWith("line 8:");
        assertThat(browser.find("li#line-8").getText()).contains("type: blob", "/spec/entities/0/fields/0/type");
        assertThat(browser.find("li#line-6 .line-problems").getText()).contains("/spec/entities/0/name");
        assertThat(browser.all("li.has-problem")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("result");
        browser.screenshot("submit-rejected");
    }

    // Attempt 1 fails a step, the planner repairs it, attempt 2 passes and is deployed; two model calls were paid.
    private void buildsAfterOneRepair(ServiceSpec todo) {
        kafka.publish(planned("todo", 1, 1, todo));
        kafka.publish(ledger("todo", 1, "todo-1", 2_000, 800, "0.0200"));
        kafka.publish(coded("todo", 1, 1, todo));
        kafka.publish(tested("todo", 1, 1, false, todo));
        kafka.publish(planned("todo", 1, 2, todo));
        kafka.publish(ledger("todo", 1, "todo-2", 1_000, 400, "0.0100"));
        kafka.publish(coded("todo", 1, 2, todo));
        kafka.publish(tested("todo", 1, 2, true, todo));
        kafka.publish(deployed("todo", 1, 2, PRODUCT, DeploymentCompleted.DEPLOY));
    }
}
