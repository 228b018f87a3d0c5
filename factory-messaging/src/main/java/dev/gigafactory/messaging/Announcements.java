package dev.gigafactory.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the events a service has put on a topic, so a redelivered input does not announce its outcome a second
 * time. A service with a database keeps them there (they survive a restart); a stateless one keeps the recent ones
 * in memory, and after a restart a redelivered input re-announces the same event id, which consumers drop.
 */
public interface Announcements {

    boolean contains(String eventId);

    void add(String eventId);

    /** The {@code capacity} most recently announced ids, in memory. */
    static Announcements inMemory(int capacity) {
        Set<String> ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
        return new Announcements() {
            @Override
            public boolean contains(String eventId) {
                return ids.contains(eventId);
            }

            @Override
            public void add(String eventId) {
                ids.add(eventId);
            }
        };
    }
}
