package dev.gigafactory.e2e.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consumer settings every service ships with, as its application.properties states them. Two of them decide
 * whether the fleet recovers at all, and neither shows in a short test: an outage longer than a minute, or a kill -9
 * whose partitions wait out a 45-second session.
 */
class ConsumerSettingsTest {

    private static final Path REPO = Fleet.findRepoRoot(Path.of("").toAbsolutePath());

    static Iterable<String> services() {
        return ServiceDef.ALL.stream().map(ServiceDef::name).toList();
    }

    // factory-messaging waits an outage out with the record unacknowledged; an age limit would close the consumer.
    @ParameterizedTest
    @MethodSource("services")
    void noConsumerIsClosedForARecordThatWaitsOutAnOutage(String service) throws IOException {
        Properties properties = properties(service);

        assertThat(
                properties.getProperty("mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms"))
                .as("%s: the connector-wide unprocessed-record age limit", service).isEqualTo("0");
        assertThat(properties.stringPropertyNames()).as("%s: no channel sets an age limit of its own", service)
                .noneMatch(name -> name.startsWith("mp.messaging.incoming.")
                        && name.endsWith(".throttled.unprocessed-record-max-age.ms"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void aKilledInstancesPartitionsMoveOnWithinSeconds(String service) throws IOException {
        Properties properties = properties(service);

        assertThat(Integer.parseInt(properties.getProperty("kafka.session.timeout.ms", "45000")))
                .as("%s: kafka.session.timeout.ms", service).isLessThanOrEqualTo(10_000);
        assertThat(Integer.parseInt(properties.getProperty("kafka.heartbeat.interval.ms", "3000")))
                .as("%s: heartbeats per session", service).isLessThanOrEqualTo(
                        Integer.parseInt(properties.getProperty("kafka.session.timeout.ms", "45000")) / 3);
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
