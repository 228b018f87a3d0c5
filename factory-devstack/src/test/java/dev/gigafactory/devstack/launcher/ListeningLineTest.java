package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListeningLineTest {

    @Test
    void findsThePortInQuarkussStartLine() {
        String log = """
                2026-11-22 13:16:47,293 INFO  [io.smallrye.reactive.messaging.kafka] (main) SRMSG18229: Configured topics
                2026-11-22 13:16:47,716 INFO  [io.quarkus] (main) planner-service 0.1.0-SNAPSHOT on JVM (powered by \
                Quarkus 3.34.1) started in 2.345s. Listening on: http://127.0.0.1:41234
                2026-11-22 13:16:47,716 INFO  [io.quarkus] (main) Profile prod activated.
                """;

        assertThat(ListeningLine.port(log)).hasValue(41234);
    }

    @Test
    void readsThroughColourCodes() {
        String log = "\u001B[34mINFO\u001B[39m started in 1.0s. Listening on: \u001B[1mhttp://127.0.0.1:8181\u001B[0m";

        assertThat(ListeningLine.port(log)).hasValue(8181);
    }

    @Test
    void findsNothingBeforeTheServiceListens() {
        assertThat(ListeningLine.port("2026-11-22 INFO [io.quarkus] Installed features: [cdi]")).isEmpty();
        assertThat(ListeningLine.port("")).isEmpty();
    }

    @Test
    void acceptsHttps() {
        assertThat(ListeningLine.port("Listening on: https://localhost:8443")).hasValue(8443);
    }
}
