package zero;

/** Says it listens on port 0, which no client can reach, and keeps running. */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        System.out.println("gigafactory-product listening on port 0");
        Thread.sleep(Long.MAX_VALUE);
    }
}
