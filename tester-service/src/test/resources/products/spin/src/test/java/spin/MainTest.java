package spin;

/** Burns CPU on two threads forever. */
public final class MainTest {

    static volatile long sink;

    public static void main(String[] args) {
        Runnable burn = () -> {
            while (true) {
                sink++;
            }
        };
        new Thread(burn).start();
        burn.run();
    }
}
