package crash;

/** Exits right after start, before it listens. */
public final class Main {

    public static void main(String[] args) {
        System.out.println("cannot open the journal in " + System.getenv("DATA_DIR"));
        System.exit(3);
    }
}
