package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.contracts.spec.FieldType;
import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import java.util.Objects;

/** A field kept from one version to the next: the ALTERs its new type, requiredness and default need. */
final class FieldChanges {

    private FieldChanges() {
    }

    static void write(String table, EntityModel entity, FieldModel before, FieldModel after, MigrationScript script) {
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + SqlSchema.column(after);
        String label = entity.name() + "." + after.name();
        boolean changed = type(alter, label, before.type(), after.type(), script);
        if (!Objects.equals(before.defaultValue(), after.defaultValue())) {
            script.statement(alter + (after.hasDefault()
                    ? " SET DEFAULT " + SqlSchema.literal(after.defaultValue())
                    : " DROP DEFAULT"));
            changed = true;
        }
        changed |= required(table, alter, label, before, after, script);
        if (changed) {
            script.described("change_" + SqlSchema.snake(after.name()));
        }
    }

    /** Converts the column when every stored value converts; a change with no safe conversion is a problem. */
    private static boolean type(String alter, String label, FieldType before, FieldType after,
            MigrationScript script) {
        String from = SqlSchema.type(before);
        String to = SqlSchema.type(after);
        if (from.equals(to)) {
            return false;
        }
        boolean safe = to.equals("text") || (before == FieldType.INTEGER && after == FieldType.DECIMAL)
                || (before == FieldType.DATE && after == FieldType.DATETIME);
        if (!safe) {
            script.problem("field " + label + " changes type from " + before.name().toLowerCase() + " to "
                    + after.name().toLowerCase() + ", and stored values cannot all be converted: add a new field "
                    + "instead and leave this one in the spec or remove it (its column is kept)");
            return false;
        }
        String using = before == FieldType.DATE ? " AT TIME ZONE 'UTC'" : "";
        String column = alter.substring(alter.lastIndexOf(' ') + 1);
        script.statement(alter + " TYPE " + to + " USING " + column + "::"
                + (before == FieldType.DATE ? "timestamp" : to) + using);
        return true;
    }

    private static boolean required(String table, String alter, String label, FieldModel before, FieldModel after,
            MigrationScript script) {
        if (before.required() == after.required()) {
            return false;
        }
        if (!after.required()) {
            script.statement(alter + " DROP NOT NULL");
        } else if (after.hasDefault()) {
            script.statement("UPDATE " + table + " SET " + SqlSchema.column(after) + " = "
                    + SqlSchema.literal(after.defaultValue()) + " WHERE " + SqlSchema.column(after) + " IS NULL");
            script.statement(alter + " SET NOT NULL");
        } else {
            script.comment("field " + label + " is now required but has no default for the rows already stored: "
                    + "the column stays nullable, and writes are checked by Bean Validation");
        }
        return true;
    }
}
