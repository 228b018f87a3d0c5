package dev.gigafactory.stacks.quarkus;

import dev.gigafactory.stacks.jdkhttp.EntityModel;
import dev.gigafactory.stacks.jdkhttp.FieldModel;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Flyway migrations of a product, one per spec version, each a pure function of two consecutive product models.
 *
 * <p>
 * The policy, so that a newer version deployed over an older one keeps every row:
 * <ul>
 * <li>an added entity is a CREATE TABLE; an added field an ADD COLUMN with its default, so rows already stored take
 * it (NOT NULL only when a default fills those rows);</li>
 * <li>nothing is ever dropped: a removed field's column stays and is made nullable (new rows leave it empty), a
 * removed entity's table stays with its rows; a SQL comment says so;</li>
 * <li>a changed type is converted when every stored value converts safely (to text, integer to decimal, date to
 * datetime); otherwise the version is refused with the reason, as a problem, and a new field is the way forward;</li>
 * <li>a field that becomes required gets NOT NULL after its default fills empty rows, or stays nullable in the
 * database when it has no default (writes are checked by Bean Validation); lengths, bounds, patterns and enum values
 * are checked on writes only, so they never need a migration.</li>
 * </ul>
 * Tables and columns are created only if absent: an entity or field removed once and added back later finds its kept
 * table or column again (with the type it had).
 */
public final class Migrations {

    /** The file {@code db/migration/V{version}__{description}.sql}, or the problems that stop it being written. */
    public record Migration(int version, String fileName, String sql, List<String> problems) {

        public Migration {
            problems = List.copyOf(problems);
        }
    }

    private static final int MAX_DESCRIPTION = 60;

    private Migrations() {
    }

    /** One migration per model, each from the one before; the models in version order. */
    public static List<Migration> history(List<ProductModel> versions) {
        List<Migration> migrations = new ArrayList<>();
        ProductModel previous = null;
        for (ProductModel version : versions) {
            migrations.add(previous == null ? first(version) : next(previous, version));
            previous = version;
        }
        return migrations;
    }

    /** The first version's schema: a table per entity. */
    public static Migration first(ProductModel product) {
        MigrationScript script = new MigrationScript();
        product.entities().forEach(entity -> createTable(entity, script));
        return script.toMigration(product, MAX_DESCRIPTION);
    }

    /** What takes the schema of {@code previous} to that of {@code next}. */
    public static Migration next(ProductModel previous, ProductModel next) {
        MigrationScript script = new MigrationScript();
        Map<String, EntityModel> before = byName(previous.entities(), EntityModel::name);
        Map<String, EntityModel> after = byName(next.entities(), EntityModel::name);
        for (EntityModel entity : next.entities()) {
            EntityModel old = before.get(entity.name());
            if (old == null) {
                createTable(entity, script);
            } else {
                changeTable(old, entity, script);
            }
        }
        for (EntityModel entity : previous.entities()) {
            if (!after.containsKey(entity.name())) {
                script.comment("entity " + entity.name() + " was removed from the spec: its table "
                        + SqlSchema.table(entity) + " is kept with its rows, never dropped");
                script.described("keep_" + SqlSchema.snake(entity.name()));
            }
        }
        return script.toMigration(next, MAX_DESCRIPTION);
    }

    private static void createTable(EntityModel entity, MigrationScript script) {
        List<String> columns = new ArrayList<>();
        columns.add(SqlSchema.ID + " uuid PRIMARY KEY");
        // Creation order for GET /{plural}: a sequence, since timestamps of two quick inserts can be equal.
        columns.add(SqlSchema.ORDER + " bigserial NOT NULL");
        entity.fields().forEach(field -> columns.add(SqlSchema.definition(field, field.required())));
        script.statement(
                "CREATE TABLE IF NOT EXISTS " + SqlSchema.table(entity) + " (\n    " + String.join(",\n    ", columns)
                        + "\n)");
        script.described("create_" + SqlSchema.snake(entity.name()));
    }

    private static void changeTable(EntityModel old, EntityModel entity, MigrationScript script) {
        String table = SqlSchema.table(entity);
        Map<String, FieldModel> before = byName(old.fields(), FieldModel::name);
        Map<String, FieldModel> after = byName(entity.fields(), FieldModel::name);
        for (FieldModel field : entity.fields()) {
            FieldModel previous = before.get(field.name());
            if (previous == null) {
                addColumn(table, entity, field, script);
            } else {
                FieldChanges.write(table, entity, previous, field, script);
            }
        }
        for (FieldModel field : old.fields()) {
            if (!after.containsKey(field.name())) {
                script.comment("field " + entity.name() + "." + field.name() + " was removed from the spec: its column "
                        + "is kept with its values, never dropped, and is nullable so new rows can leave it empty");
                script.statement("ALTER TABLE " + table + " ALTER COLUMN " + SqlSchema.column(field)
                        + " DROP NOT NULL");
                script.described("keep_" + SqlSchema.snake(field.name()));
            }
        }
    }

    private static void addColumn(String table, EntityModel entity, FieldModel field, MigrationScript script) {
        boolean notNull = field.required() && field.hasDefault();
        if (field.required() && !field.hasDefault()) {
            script.comment("field " + entity.name() + "." + field.name() + " is required but has no default for the "
                    + "rows already stored: the column is nullable, and writes are checked by Bean Validation");
        }
        script.statement("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + SqlSchema.definition(field, notNull));
        script.described("add_" + SqlSchema.snake(field.name()));
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity()));
    }
}
