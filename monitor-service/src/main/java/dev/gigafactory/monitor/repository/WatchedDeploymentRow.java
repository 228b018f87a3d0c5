package dev.gigafactory.monitor.repository;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "watched_deployment")
public class WatchedDeploymentRow {

    @Id
    public String spec;
    public int version;
    public int attempt;
    public String url;
    @Column(name = "slo_availability")
    public BigDecimal sloAvailability;
    @Column(name = "slo_latency_p99ms")
    public int sloLatencyP99Ms;
    @Column(name = "last_good_version")
    public Integer lastGoodVersion;

    static WatchedDeploymentRow of(WatchedDeployment watched) {
        WatchedDeploymentRow row = new WatchedDeploymentRow();
        row.spec = watched.deployment().spec();
        row.version = watched.deployment().version();
        row.attempt = watched.deployment().attempt();
        row.url = watched.deployment().url();
        Slo slo = watched.slo();
        row.sloAvailability = slo.availability() != null ? slo.availability() : Slo.DEFAULT.availability();
        row.sloLatencyP99Ms = slo.latencyP99Ms() != null ? slo.latencyP99Ms() : Slo.DEFAULT.latencyP99Ms();
        row.lastGoodVersion = watched.lastGoodVersion();
        return row;
    }

    WatchedDeployment watched() {
        return new WatchedDeployment(new LiveDeployment(spec, version, attempt, url),
                new Slo(sloAvailability.stripTrailingZeros(), sloLatencyP99Ms), lastGoodVersion);
    }
}
