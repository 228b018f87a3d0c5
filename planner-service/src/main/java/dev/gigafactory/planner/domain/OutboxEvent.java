package dev.gigafactory.planner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event committed with the decision that made it, sent to the broker after the commit. */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;
    @Column(name = "ce_type")
    public String ceType;
    /** The event record as JSON. */
    public String payload;
    /** The trace of the input that caused it, so one spec version stays one trace. */
    public String traceparent;
    public boolean published;
    @Column(name = "created_at")
    public Instant createdAt;
}
