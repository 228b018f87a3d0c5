package dev.gigafactory.deployer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An incident the deployer acted on already. */
@Entity
@Table(name = "handled_incident")
public class HandledIncident {

    @Id
    @Column(name = "incident_id")
    public String incidentId;
    @Column(name = "handled_at")
    public Instant handledAt;
}
