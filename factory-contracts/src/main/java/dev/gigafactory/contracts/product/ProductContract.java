package dev.gigafactory.contracts.product;

/**
 * How the factory and a generated product meet, whatever the stack: where the sources are in the tree, how the
 * product is told its port and data directory, and how it says it is listening.
 */
public final class ProductContract {

    /** Properties file at the root of every generated source tree; {@code main-class} names the entry point. */
    public static final String MANIFEST = "gigafactory-product.properties";
    public static final String MAIN_CLASS_KEY = "main-class";
    /**
     * The product's own tests: a class with a plain {@code main} (no framework: the JDK is all a product has), run as
     * {@code java -cp classes:test-classes <test-class>} with DATA_DIR set; exit code 0 means they passed.
     */
    public static final String TEST_CLASS_KEY = "test-class";
    /**
     * A test class may also offer {@code public static int run()}, what its {@code main} exits with, leaving the JVM
     * running: the gate then calls it in the product's own JVM, which it starts anyway, instead of starting another.
     * The tests must then keep to their own files (a temporary directory, not DATA_DIR).
     */
    public static final String TEST_RUN_METHOD = "run";
    /** The stack that wrote the tree, and the revision of that stack's writers: what an earlier tree is kept by. */
    public static final String STACK_KEY = "stack";
    public static final String STACK_REVISION_KEY = "stack.revision";
    public static final String MAIN_SOURCES = "src/main/java/";
    public static final String TEST_SOURCES = "src/test/java/";

    /** Port to bind on 127.0.0.1; 0 (the default) asks the OS for a free one. */
    public static final String ENV_PORT = "PORT";
    /** Directory the product keeps its data in (its journal); survives restarts and redeploys. */
    public static final String ENV_DATA_DIR = "DATA_DIR";

    /** The product prints this line, followed by the bound port, once it accepts connections. */
    public static final String READY_LINE = "gigafactory-product listening on port ";

    public static final String HEALTH_PATH = "/health";
    public static final String METRICS_PATH = "/metrics";

    /**
     * RFC 9209 header on an answer the deployer's stable URL gave itself instead of the product, e.g.
     * {@code Proxy-Status: gigafactory-deployer; error=connection_refused}: the monitor probes the stable URL, and
     * only this tells a product that is gone (a crash) from one that answers badly.
     */
    public static final String PROXY_STATUS = "Proxy-Status";
    /** The RFC 9209 error type for "nothing accepts connections where the product should listen". */
    public static final String PROXY_ERROR_CONNECTION_REFUSED = "connection_refused";

    private ProductContract() {
    }
}
