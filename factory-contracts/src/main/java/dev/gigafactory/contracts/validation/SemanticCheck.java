package dev.gigafactory.contracts.validation;

import dev.gigafactory.contracts.spec.AcceptanceCase;
import dev.gigafactory.contracts.spec.AcceptanceStep;
import dev.gigafactory.contracts.spec.EntitySpec;
import dev.gigafactory.contracts.spec.FieldSpec;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the schema cannot say: uniqueness, identifiers that would break generated code, placeholders. */
final class SemanticCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final FieldCheck fields = new FieldCheck();

    List<Problem> check(ServiceSpec spec) {
        List<Problem> problems = new ArrayList<>();
        checkEntities(spec.spec().entities(), problems);
        checkAcceptance(spec.spec().acceptance(), problems);
        return problems;
    }

    private void checkEntities(List<EntitySpec> entities, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        Set<String> plurals = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            EntitySpec entity = entities.get(i);
            String at = Pointer.of("spec", "entities", i);
            if (!names.add(entity.name().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.at(at + "/name", "entity name '" + entity.name() + "' is used twice"));
            }
            if (Identifiers.isReservedTypeName(entity.name())) {
                problems.add(Problem.at(at + "/name", "entity name '" + entity.name()
                        + "' is reserved (it would clash with a Java or generated type); choose another"));
            }
            if (!plurals.add(entity.pluralOrDefault())) {
                problems.add(Problem.at(at + (entity.plural() == null ? "/name" : "/plural"),
                        "URL segment '/" + entity.pluralOrDefault() + "' is used by two entities"));
            }
            if (entity.pluralOrDefault().equals("health") || entity.pluralOrDefault().equals("metrics")) {
                problems.add(Problem.at(at + (entity.plural() == null ? "/name" : "/plural"),
                        "URL segment '/" + entity.pluralOrDefault() + "' is reserved for the service itself"));
            }
            checkFields(entity.fields(), at, problems);
        }
    }

    private void checkFields(List<FieldSpec> entityFields, String entityAt, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (int j = 0; j < entityFields.size(); j++) {
            FieldSpec field = entityFields.get(j);
            String at = entityAt + "/fields/" + j;
            if (!names.add(field.name())) {
                problems.add(Problem.at(at + "/name", "field name '" + field.name() + "' is used twice"));
            }
            if (Identifiers.isJavaKeyword(field.name())) {
                problems.add(Problem.at(at + "/name",
                        "field name '" + field.name() + "' is a Java keyword and cannot name a field"));
            }
            fields.check(field, at, problems);
        }
    }

    private static void checkAcceptance(List<AcceptanceCase> cases, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            AcceptanceCase acceptanceCase = cases.get(i);
            String at = Pointer.of("spec", "acceptance", i);
            if (!names.add(acceptanceCase.name())) {
                problems.add(Problem.at(at + "/name", "acceptance case '" + acceptanceCase.name() + "' is used twice"));
            }
            Set<String> saved = new HashSet<>();
            for (int s = 0; s < acceptanceCase.steps().size(); s++) {
                AcceptanceStep step = acceptanceCase.steps().get(s);
                String stepAt = at + "/steps/" + s;
                Matcher placeholders = PLACEHOLDER.matcher(step.request().path());
                while (placeholders.find()) {
                    if (!saved.contains(placeholders.group(1))) {
                        problems.add(Problem.at(stepAt + "/request/path", "placeholder '{" + placeholders.group(1)
                                + "}' is not saved by an earlier step of this case"));
                    }
                }
                saved.addAll(step.save().keySet());
            }
        }
    }
}
