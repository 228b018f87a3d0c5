package escape;

/** The product's "unit tests": the same escape attempts, during the test run; exits 2 to show the report. */
public final class MainTest {

    public static void main(String[] args) throws Exception {
        Main.report("test").forEach(System.out::println);
        System.exit(2);
    }
}
