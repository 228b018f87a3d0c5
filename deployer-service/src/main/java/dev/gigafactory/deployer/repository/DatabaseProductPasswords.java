package dev.gigafactory.deployer.repository;

import dev.gigafactory.deployer.domain.ProductDatabaseRow;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** The passwords in the deployer's own database ({@code product_database}), where the next deployer finds them. */
@ApplicationScoped
public class DatabaseProductPasswords implements ProductPasswords {

    private final Mutiny.SessionFactory sessions;

    public DatabaseProductPasswords(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public String keep(String spec, String databaseName, String roleName, String fresh) {
        // Insert-if-absent in the database itself: two deployers (or two threads) racing keep the same, first one.
        Awaited.await(() -> sessions.withTransaction(session -> session.createNativeQuery(
                "insert into product_database (spec, database_name, role_name, password, created_at)"
                        + " values (?1, ?2, ?3, ?4, now()) on conflict (spec) do nothing")
                .setParameter(1, spec).setParameter(2, databaseName).setParameter(3, roleName)
                .setParameter(4, fresh).executeUpdate()));
        ProductDatabaseRow kept = Awaited
                .await(() -> sessions.withSession(session -> session.find(ProductDatabaseRow.class, spec)));
        return kept.password;
    }
}
