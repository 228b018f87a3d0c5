package dev.gigafactory.deployer.repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Passwords without a database, for plain unit tests: share one instance to play a deployer restart. */
public final class InMemoryProductPasswords implements ProductPasswords {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Override
    public String keep(String spec, String databaseName, String roleName, String fresh) {
        return passwords.computeIfAbsent(spec, ignored -> fresh);
    }
}
