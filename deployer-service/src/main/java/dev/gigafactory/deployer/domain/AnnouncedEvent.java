package dev.gigafactory.deployer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event id the deployer has put on its topic. */
@Entity
@Table(name = "announced_event")
public class AnnouncedEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "announced_at")
    public Instant announcedAt;
}
