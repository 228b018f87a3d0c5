package dev.gigafactory.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.monitor.domain.MetricsSnapshot;
import dev.gigafactory.monitor.domain.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    // As the generated jdk-http product renders it (factory-stacks dev/gigafactory/stacks/jdkhttp/main/Metrics.java.tmpl).
    private static final String PRODUCT = """
            # HELP http_requests_total HTTP requests answered, by method, route template and status.
            # TYPE http_requests_total counter
            http_requests_total{method="GET",route="/health",status="200"} 40
            http_requests_total{method="POST",route="/todos",status="201"} 7
            http_requests_total{method="GET",route="/todos/{id}",status="500"} 3
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{route="/health",status="200",le="0.005"} 40
            http_request_duration_seconds_bucket{route="/health",status="200",le="+Inf"} 40
            http_request_duration_seconds_bucket{route="/todos",status="201",le="0.005"} 5
            http_request_duration_seconds_bucket{route="/todos",status="201",le="+Inf"} 7
            http_request_duration_seconds_sum{route="/todos",status="201"} 0.9
            http_request_duration_seconds_count{route="/todos",status="201"} 7
            http_request_duration_seconds_bucket{route="/todos/{id}",status="500",le="0.005"} 3
            http_request_duration_seconds_bucket{route="/todos/{id}",status="500",le="+Inf"} 3
            """;

    @Test
    void readsNamesLabelsAndValues() {
        List<Sample> samples = PrometheusText.parse(PRODUCT);

        assertThat(samples).hasSize(11);
        assertThat(samples.get(1)).isEqualTo(new Sample("http_requests_total",
                Map.of("method", "POST", "route", "/todos", "status", "201"), 7));
        assertThat(samples.get(4).label("le")).isEqualTo("+Inf");
    }

    @Test
    void unescapesLabelValuesAndIgnoresTimestampsAndSpecialValues() {
        List<Sample> samples = PrometheusText.parse("""
                weird{path="a\\"b\\\\c\\nd",x="1"} 2.5e1 1700000000000
                no_labels 3
                not_a_number NaN
                broken{oops 1
                up +Inf
                """);

        assertThat(samples).extracting(Sample::name).containsExactly("weird", "no_labels", "not_a_number", "up");
        assertThat(samples.get(0).labels()).containsEntry("path", "a\"b\\c\nd");
        assertThat(samples.get(0).value()).isEqualTo(25.0);
        assertThat(samples.get(3).value()).isInfinite();
    }

    @Test
    void aSnapshotSumsTheProductsOwnRoutesAndLeavesTheProbesOut() {
        MetricsSnapshot snapshot = MetricsSnapshot.of(PrometheusText.parse(PRODUCT));

        assertThat(snapshot.requests()).isEqualTo(10);
        assertThat(snapshot.errors()).isEqualTo(3);
        assertThat(snapshot.buckets()).containsEntry(0.005, 8L).containsEntry(Double.POSITIVE_INFINITY, 10L);
    }
}
