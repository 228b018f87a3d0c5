package dev.gigafactory.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refused document: the problems found and where it came from. */
@Entity
@Table(name = "spec_rejection")
public class SpecRejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    @Column(name = "source_id")
    public String sourceId;
    /** The SpecRejected event as JSON: the problems, the source, the time. */
    public String event;
    @Column(name = "rejected_at")
    public Instant rejectedAt;
    public boolean published;
}
