package broken;

public final class Main {

    public static void main(String[] args) {
        int port = "not a number";
        System.out.println(port);
    }
}
