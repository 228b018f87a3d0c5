package dev.gigafactory.deployer.repository;

import dev.gigafactory.deployer.domain.AnnouncedEvent;
import dev.gigafactory.messaging.Announcements;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/** The deployer's announcements survive its restarts: a replayed verdict is announced once, ever. */
@ApplicationScoped
public class DatabaseAnnouncements implements Announcements {

    private final Mutiny.SessionFactory sessions;

    public DatabaseAnnouncements(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean contains(String eventId) {
        return Awaited
                .await(() -> sessions.withSession(session -> session.find(AnnouncedEvent.class, eventId))) != null;
    }

    @Override
    public void add(String eventId) {
        AnnouncedEvent announced = new AnnouncedEvent();
        announced.eventId = eventId;
        announced.announcedAt = Instant.now();
        Awaited.await(() -> sessions.withTransaction(session -> session.merge(announced).replaceWithVoid()));
    }

}
