package dev.gigafactory.testsupport;

/** The shape of a model's reply for a jdk-http product: one Requirements class checking every create and update. */
public final class RequirementsReplies {

    private RequirementsReplies() {
    }

    /**
     * @param packageName the product's package
     * @param check the body of {@code check(Map<String, Object> record)}, which both hooks call
     */
    public static String checkingEveryWrite(String packageName, String check) {
        return """
                ```java
                package %s;

                import java.util.Map;

                final class Requirements implements Rules {

                    @Override
                    public void beforeCreate(String entity, Map<String, Object> record, Records existing) {
                        check(record);
                    }

                    @Override
                    public void beforeUpdate(String entity, Map<String, Object> current, Map<String, Object> record,
                            Records existing) {
                        check(record);
                    }

                    private static void check(Map<String, Object> record) {
                """.formatted(packageName) + check.indent(8) + """
                    }
                }
                ```
                """;
    }
}
