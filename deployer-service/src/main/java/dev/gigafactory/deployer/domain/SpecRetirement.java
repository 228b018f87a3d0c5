package dev.gigafactory.deployer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A retired spec: versions up to {@code version} are never deployed again; the retirement that set it. */
@Entity
@Table(name = "spec_retirement")
public class SpecRetirement {

    @Id
    public String spec;
    public int version;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "retired_at")
    public Instant retiredAt;
}
