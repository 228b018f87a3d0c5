package dev.gigafactory.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The current stage of one spec version: the read model behind the status API. */
@Entity
@Table(name = "spec_status")
@IdClass(SpecStatus.Key.class)
public class SpecStatus {

    @Id
    public String name;
    @Id
    public int version;
    public String stage;
    public String url;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public record Key(String name, int version) implements Serializable {

        public Key() {
            this(null, 0);
        }
    }
}
