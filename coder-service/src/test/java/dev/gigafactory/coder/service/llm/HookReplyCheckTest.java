package dev.gigafactory.coder.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.support.Hooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookReplyCheckTest {

    private static final String BODY = """
            final class Requirements implements Rules {
                public void beforeCreate(String entity, java.util.Map<String, Object> record, Records existing) {
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
            "Object o = record.getClass();", "\\u0052untime.getRuntime();", "Journal.open(null);",
            "Hooks.after(\"create\", entity, record);", "new NoteStore(null).list();"})
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

        assertThat(result.problems()).anyMatch(problem -> problem.contains("exactly one top-level type"))
                .anyMatch(problem -> problem.contains("import java.io.Serializable is not allowed"));
    }

    @Test
    void refusesAnInterfaceOrRecordNamedRequirements() {
        assertThat(HookReplyCheck.check("interface Requirements { }", Hooks.PACKAGE).accepted()).isFalse();
        assertThat(HookReplyCheck.check("record Requirements() { }", Hooks.PACKAGE).accepted()).isFalse();
    }

    @Test
    void takesEveryOtherBlockAsADomainClassInTheDomainPackage() {
        HookReplyCheck.Result result = HookReplyCheck.check(Hooks.EVERY_HOOK, Hooks.PACKAGE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.source()).contains("final class Requirements implements Rules");
        assertThat(result.domain()).containsOnlyKeys("Titles");
        assertThat(result.domain().get("Titles")).startsWith("package " + Hooks.PACKAGE + ".domain;");
    }

    @Test
    void givesADomainClassWithoutAPackageTheDomainPackage() {
        String reply = "```java\n" + BODY.formatted("return;")
                + "```\n```java\npublic record Tag(String name) { }\n```\n";

        HookReplyCheck.Result result = HookReplyCheck.check(reply, Hooks.PACKAGE);

        assertThat(result.domain().get("Tag")).startsWith("package " + Hooks.PACKAGE + ".domain;\n\npublic record Tag");
    }

    @Test
    void refusesDomainClassesElsewhereTwiceOrWithoutRequirements() {
        String elsewhere = "```java\n" + BODY.formatted("return;") + "```\n```java\npackage " + Hooks.PACKAGE
                + ";\npublic final class Store2 { }\n```\n";
        String twice = "```java\n" + BODY.formatted("return;") + "```\n```java\nclass Tag { }\n```\n"
                + "```java\nclass Tag { }\n```\n";
        String none = "```java\nclass Tag { }\n```\n";

        assertThat(HookReplyCheck.check(elsewhere, Hooks.PACKAGE).problems())
                .anyMatch(problem -> problem.contains("the package must be " + Hooks.PACKAGE + ".domain"));
        assertThat(HookReplyCheck.check(twice, Hooks.PACKAGE).problems())
                .anyMatch(problem -> problem.contains("each named once"));
        assertThat(HookReplyCheck.check(none, Hooks.PACKAGE).problems())
                .anyMatch(problem -> problem.contains("no block declares the class Requirements"));
    }

    @Test
    void refusesMoreDomainClassesThanTheLimit() {
        StringBuilder reply = new StringBuilder("```java\n" + BODY.formatted("return;") + "```\n");
        for (int i = 0; i <= HookReplyCheck.MAX_DOMAIN_FILES; i++) {
            reply.append("```java\npublic final class Rule").append(i).append(" { }\n```\n");
        }

        assertThat(HookReplyCheck.check(reply.toString(), Hooks.PACKAGE).problems())
                .anyMatch(problem -> problem.contains("at most " + HookReplyCheck.MAX_DOMAIN_FILES));
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
