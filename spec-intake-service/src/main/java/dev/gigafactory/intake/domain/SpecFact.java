package dev.gigafactory.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A pipeline event the console shows in detail (a test verdict, a deployment, an incident, a ledger entry). */
@Entity
@Table(name = "spec_fact")
public class SpecFact {

    public static final String TESTS = "tests";
    public static final String DEPLOYMENT = "deployment";
    public static final String INCIDENT = "incident";
    public static final String LEDGER = "ledger";

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String name;
    public int version;
    public int attempt;
    public String kind;
    public Instant at;
    /** The event as JSON. */
    public String data;
}
