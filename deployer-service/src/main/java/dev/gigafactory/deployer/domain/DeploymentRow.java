package dev.gigafactory.deployer.domain;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.Slo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A DeploymentRecord as stored in the {@code deployment} table. */
@Entity
@Table(name = "deployment")
public class DeploymentRow {

    @Id
    public String id;
    public String spec;
    public int version;
    public int attempt;
    @Column(name = "artifact_digest")
    public String artifactDigest;
    public String slo;
    public String stack;
    public Long pid;
    @Column(name = "private_port")
    public Integer privatePort;
    @Column(name = "stable_port")
    public Integer stablePort;
    public String url;
    @Enumerated(EnumType.STRING)
    public DeploymentState state;
    public String cause;
    public String detail;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;

    public static DeploymentRow of(DeploymentRecord record, Integer stablePort) {
        DeploymentRow row = new DeploymentRow();
        Deployment d = record.deployment();
        row.id = record.id();
        row.spec = d.spec();
        row.version = d.version();
        row.attempt = d.attempt();
        row.artifactDigest = d.artifactDigest();
        row.slo = writeSlo(d.slo());
        row.stack = d.stack();
        row.pid = d.pid();
        row.privatePort = d.port() == 0 ? null : d.port();
        row.stablePort = stablePort;
        row.url = d.url();
        row.state = record.state();
        row.cause = record.cause();
        row.detail = record.detail();
        row.startedAt = record.startedAt();
        row.stoppedAt = record.stoppedAt();
        return row;
    }

    public DeploymentRecord toRecord() {
        Deployment d = new Deployment(spec, version, attempt, artifactDigest, readSlo(slo), pid,
                privatePort == null ? 0 : privatePort, url, stack);
        return new DeploymentRecord(id, d, state, cause, detail, startedAt, stoppedAt);
    }

    private static String writeSlo(Slo slo) {
        try {
            return slo == null ? null : Json.mapper().writeValueAsString(slo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Slo readSlo(String json) {
        try {
            return json == null ? null : Json.mapper().readValue(json, Slo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
