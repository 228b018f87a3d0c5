package spin;

/** Never reached: the unit tests never finish. */
public final class Main {

    public static void main(String[] args) {
        System.out.println("gigafactory-product listening on port 0");
    }
}
