package dev.gigafactory.planner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An accepted spec version as the planner keeps it. */
@Entity
@Table(name = "spec_version")
public class StoredVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public int version;
    public String digest;
    /** The document as JSON. */
    public String document;
    /** The change list against the previous version, as JSON. */
    public String changes;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
}
