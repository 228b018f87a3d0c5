package dev.gigafactory.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted version of a spec, as stored. */
@Entity
@Table(name = "spec_version")
public class SpecVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public int version;
    public String digest;
    /** The normalised document as JSON. */
    public String document;
    /** The change list against the previous version, as JSON. */
    public String changes;
    public String source;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    public boolean published;
}
