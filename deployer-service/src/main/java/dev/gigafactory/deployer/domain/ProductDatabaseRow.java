package dev.gigafactory.deployer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A quarkus product's own database and role, and the role's password, as kept in {@code product_database}. */
@Entity
@Table(name = "product_database")
public class ProductDatabaseRow {

    @Id
    public String spec;
    @Column(name = "database_name")
    public String databaseName;
    @Column(name = "role_name")
    public String roleName;
    public String password;
    @Column(name = "created_at")
    public Instant createdAt;
}
