package dev.gigafactory.monitor.repository;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.monitor.domain.Incident;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "incident")
public class IncidentRow {

    @Id
    public String id;
    public String spec;
    public int version;
    public int attempt;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Remediation action;
    public String evidence;
    @Column(name = "ladder_step")
    public int step;
    @Enumerated(EnumType.STRING)
    public Incident.Status status;
    @Column(name = "first_failure_at")
    public Instant firstFailureAt;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "remediated_at")
    public Instant remediatedAt;
    @Column(name = "healed_at")
    public Instant healedAt;

    static IncidentRow of(Incident incident) {
        IncidentRow row = new IncidentRow();
        row.id = incident.id();
        row.spec = incident.spec();
        row.version = incident.version();
        row.attempt = incident.attempt();
        row.kind = incident.kind();
        row.action = incident.action();
        row.evidence = incident.evidence();
        row.step = incident.step();
        row.status = incident.status();
        row.firstFailureAt = incident.firstFailureAt();
        row.detectedAt = incident.detectedAt();
        row.remediatedAt = incident.remediatedAt();
        row.healedAt = incident.healedAt();
        return row;
    }

    Incident incident() {
        return new Incident(id, spec, version, attempt, kind, action, evidence, step, status, firstFailureAt,
                detectedAt, remediatedAt, healedAt);
    }
}
