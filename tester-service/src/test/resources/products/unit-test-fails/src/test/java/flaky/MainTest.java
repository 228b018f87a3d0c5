package flaky;

public final class MainTest {

    public static void main(String[] args) {
        int sum = Main.add(1, 2);
        if (sum != 3) {
            System.out.println("FAILED: add(1, 2) expected 3 but was " + sum);
            System.exit(1);
        }
    }
}
