package dev.gigafactory.devstack.infra;

import java.util.logging.Level;

/** Keeps a child JVM's infrastructure logs at WARN whichever slf4j binding its classpath happens to carry. */
final class Logging {

    private Logging() {
    }

    /**
     * On a Quarkus service's test classpath the binding is JBoss LogManager, which logs INFO by default and ignores
     * the JUL root unless it is the installed LogManager: set its own root logger.
     */
    static void quietenJBossLogManager() {
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
        try {
            Class<?> logger = Class.forName("org.jboss.logmanager.Logger");
            Object root = logger.getMethod("getLogger", String.class).invoke(null, "");
            logger.getMethod("setLevel", Level.class).invoke(root, Level.WARNING);
        } catch (ReflectiveOperationException | LinkageError e) {
            // not on the classpath: slf4j-simple reads simplelogger.properties instead
        }
    }
}
