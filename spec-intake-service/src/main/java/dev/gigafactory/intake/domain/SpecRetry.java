package dev.gigafactory.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One retry of a failed version, with the SpecRetried event it announces. */
@Entity
@Table(name = "spec_retry")
public class SpecRetry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public int version;
    public int retry;
    /** The SpecRetried event as JSON. */
    public String event;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public boolean published;
}
