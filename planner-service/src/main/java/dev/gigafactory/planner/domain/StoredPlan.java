package dev.gigafactory.planner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A plan the planner made: one per attempt of a spec version. */
@Entity
@Table(name = "plan")
public class StoredPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public int version;
    public int attempt;
    public String kind;
    /** The ordered task graph as JSON. */
    public String tasks;
    public String reason;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "created_at")
    public Instant createdAt;
}
