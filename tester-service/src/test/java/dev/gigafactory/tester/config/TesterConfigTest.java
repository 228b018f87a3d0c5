package dev.gigafactory.tester.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin datasource for quarkus products, as the launcher passes it: environment variables only. */
class TesterConfigTest {

    @Test
    void readsTheDatabaseForQuarkusProductsFromTheEnvironment() {
        TesterConfig config = config(Map.of("TESTER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5999/postgres",
                "TESTER_DATABASE_USERNAME", "postgres", "TESTER_DATABASE_PASSWORD", "secret"));

        assertThat(config.database()).hasValueSatisfying(database -> {
            assertThat(database.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5999/postgres");
            assertThat(database.username()).isEqualTo("postgres");
            assertThat(database.password()).hasValue("secret");
        });
    }

    @Test
    void hasNoDatabaseWhenNoneIsGiven() {
        assertThat(config(Map.of()).database()).isEmpty();
    }

    private static TesterConfig config(Map<String, String> environment) {
        // Quarkus' converter reads the defaults' "60s" (outside Quarkus only ISO-8601 durations would be)
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TesterConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(environment, 300)).build();
        return config.getConfigMapping(TesterConfig.class);
    }
}
