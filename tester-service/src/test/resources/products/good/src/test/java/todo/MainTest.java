package todo;

import java.util.Map;

/** The product's own unit test: exit code 0 means it passed. */
public final class MainTest {

    public static void main(String[] args) {
        Map<String, Object> todo = Main.validated("{\"title\": \"Buy milk\"}");
        check(todo != null && "normal".equals(todo.get("priority")), "defaults are applied");
        check(Main.validated("{\"done\": true}") == null, "a todo without a title is refused");
        System.out.println("2 tests passed");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
