package dev.gigafactory.coder.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.support.Hooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookReplyCheckTest {

    private static final String BODY = """
            final class Requirements {
                static void check(String entity, String operation, java.util.Map<String, Object> record) {
                    %s
                }
            }
            """;

    @Test
    void acceptsAFencedClassAndKeepsItsPackage() {
        HookReplyCheck.Result result = HookReplyCheck.check(Hooks.GOOD, Hooks.PACKAGE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.source()).startsWith("package " + Hooks.PACKAGE + ";").doesNotContain("```");
    }

    @Test
    void givesPlainCodeWithoutAPackageTheProductsPackage() {
        HookReplyCheck.Result result = HookReplyCheck.check(BODY.formatted("return;"), Hooks.PACKAGE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.source()).startsWith("package " + Hooks.PACKAGE + ";\n\nfinal class Requirements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(1);", "Runtime.getRuntime().gc();", "new ProcessBuilder(\"sh\").start();",
            "Class.forName(\"x\");", "new java.io.File(\"/etc/passwd\").delete();",
            "java.nio.file.Files.delete(null);", "new Thread(() -> { }).start();", "System.getenv(\"HOME\");",
            "Object o = record.getClass();", "\\u0052untime.getRuntime();", "Journal.open(null);"})
    void refusesForbiddenApis(String statement) {
        HookReplyCheck.Result result = HookReplyCheck.check(BODY.formatted(statement), Hooks.PACKAGE);

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).anyMatch(problem -> problem.startsWith("forbidden: "));
        assertThat(result.source()).isNull();
    }

    @Test
    void refusesASecondTopLevelTypeAndForeignImports() {
        String code = "import java.io.Serializable;\n" + BODY.formatted("return;") + "class Extra { }\n";

        HookReplyCheck.Result result = HookReplyCheck.check(code, Hooks.PACKAGE);

        assertThat(result.problems()).anyMatch(problem -> problem.contains("exactly one top-level class"))
                .anyMatch(problem -> problem.contains("import java.io.Serializable is not allowed"));
    }

    @Test
    void refusesAnInterfaceOrRecordNamedRequirements() {
        assertThat(HookReplyCheck.check("interface Requirements { }", Hooks.PACKAGE).accepted()).isFalse();
        assertThat(HookReplyCheck.check("record Requirements() { }", Hooks.PACKAGE).accepted()).isFalse();
    }

    @Test
    void allowsPlainLibraryImports() {
        String code = "import java.util.List;\nimport java.util.regex.Pattern;\nimport static java.util.Map.entry;\n"
                + BODY.formatted("return;");

        assertThat(HookReplyCheck.check(code, Hooks.PACKAGE).problems()).isEmpty();
    }

    @Test
    void findsNoCodeInProse() {
        assertThat(HookReplyCheck.check(Hooks.NO_CODE, Hooks.PACKAGE).problems()).singleElement().asString()
                .contains("no Java code");
        assertThat(HookReplyCheck.check("", Hooks.PACKAGE).accepted()).isFalse();
    }
}
