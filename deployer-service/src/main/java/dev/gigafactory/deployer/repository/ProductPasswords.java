package dev.gigafactory.deployer.repository;

/**
 * The password of each quarkus product's database role, generated once and kept by the deployer, so every later start
 * of the product (a redeploy, a restart, a rollback, a re-adoption by the next deployer) logs in with the same one.
 */
public interface ProductPasswords {

    /**
     * The password kept for the spec's role; when none is kept yet, {@code fresh} is kept and returned. The first one
     * kept stays: a second caller with another fresh password gets the first.
     */
    String keep(String spec, String databaseName, String roleName, String fresh);
}
