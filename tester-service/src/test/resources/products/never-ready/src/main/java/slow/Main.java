package slow;

/** Starts, then never says it is listening. */
public final class Main {

    public static void main(String[] args) throws InterruptedException {
        System.out.println("warming up forever");
        Thread.sleep(Long.MAX_VALUE);
    }
}
