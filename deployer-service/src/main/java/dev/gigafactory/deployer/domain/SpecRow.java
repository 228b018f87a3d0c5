package dev.gigafactory.deployer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SpecState's pointers as stored in the {@code spec_deployment} table. */
@Entity
@Table(name = "spec_deployment")
public class SpecRow {

    @Id
    public String spec;
    @Column(name = "current_id")
    public String currentId;
    @Column(name = "previous_id")
    public String previousId;
    @Column(name = "stable_port")
    public Integer stablePort;
}
