package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {

    @TempDir
    Path stateDir;

    @Test
    void hasExactlyTheShapeTheDesignPromises() throws Exception {
        FleetFile fleet = new FleetFile("127.0.0.1:39001", services());

        var json = new ObjectMapper().readTree(fleet.toJson());

        assertThat(json).isEqualTo(new ObjectMapper().readTree("""
                {"kafka":"127.0.0.1:39001","services":{
                  "spec-intake-service":"http://127.0.0.1:39002","planner-service":"http://127.0.0.1:39003"}}
                """));
    }

    @Test
    void roundTripsThroughTheStateDirKeepingServiceOrder() {
        new FleetFile("127.0.0.1:39001", services()).writeTo(stateDir);

        FleetFile read = FleetFile.readFrom(stateDir).orElseThrow();

        assertThat(Files.exists(stateDir.resolve("fleet.json"))).isTrue();
        assertThat(read.kafka()).isEqualTo("127.0.0.1:39001");
        assertThat(read.services().keySet()).containsExactly("spec-intake-service", "planner-service");
        assertThat(read.service("planner-service")).isEqualTo(URI.create("http://127.0.0.1:39003"));
    }

    @Test
    void anAbsentFileMeansNoFleet() {
        assertThat(FleetFile.readFrom(stateDir)).isEmpty();
    }

    @Test
    void askingForAServiceTheFleetLacksNamesWhatItHas() {
        FleetFile fleet = new FleetFile("127.0.0.1:39001", services());

        assertThatThrownBy(() -> fleet.service("coder-service")).hasMessageContaining("coder-service")
                .hasMessageContaining("planner-service");
    }

    private static Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("spec-intake-service", "http://127.0.0.1:39002");
        services.put("planner-service", "http://127.0.0.1:39003");
        return services;
    }
}
