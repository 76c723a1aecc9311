package dev.verifiedschema.bench.realistic;

import java.util.ArrayList;
import java.util.List;

/**
 * The versions around one business table that are more than its columns: a status enum and a value
 * added to it later (whose undo has to rebuild the type, as PostgreSQL cannot drop an enum value), a
 * view of the open rows, a view on that view joined to the parent table, the first view widened later
 * (whose undo has to drop and rebuild the view that depends on it), and a plpgsql function with a
 * fixed {@code search_path} whose body is rewritten later.
 */
final class TypeAndViewSteps {
    private static final List<List<String>> STATUSES = List.of(
            List.of("draft", "active", "closed"),
            List.of("pending", "running", "done", "failed"),
            List.of("open", "in_review", "resolved"),
            List.of("new", "confirmed", "cancelled"));
    private static final List<String> ADDED = List.of("on_hold", "retrying", "reopened", "expired");

    private TypeAndViewSteps() {
    }

    static Script status(Entity e, int variant) {
        e.statuses.addAll(STATUSES.get(variant % STATUSES.size()));
        return new Script("add_" + e.name + "_status",
                "CREATE TYPE " + e.statusType() + " AS ENUM (" + quoted(e.statuses) + ");\n\n"
                        + "ALTER TABLE " + e.name + " ADD COLUMN status " + e.statusType() + " NOT NULL DEFAULT '"
                        + e.statuses.get(0) + "';\n",
                "ALTER TABLE " + e.name + " DROP COLUMN status;\nDROP TYPE " + e.statusType() + ";\n");
    }

    /** {@code ALTER TYPE ... ADD VALUE}; the undo renames the type away, builds it again and moves the column over. */
    static Script statusValue(Entity e, int variant) {
        List<String> before = List.copyOf(e.statuses);
        String value = ADDED.get(variant % ADDED.size());
        String after = before.get(before.size() - 2);
        e.statuses.add(before.size() - 1, value);
        String type = e.statusType();
        String undo = "-- PostgreSQL cannot drop an enum value: build the type again without it\n"
                + "ALTER TYPE " + type + " RENAME TO " + type + "_old;\n"
                + "CREATE TYPE " + type + " AS ENUM (" + quoted(before) + ");\n"
                + "ALTER TABLE " + e.name + " ALTER COLUMN status DROP DEFAULT;\n"
                + "ALTER TABLE " + e.name + " ALTER COLUMN status TYPE " + type + " USING status::text::" + type + ";\n"
                + "ALTER TABLE " + e.name + " ALTER COLUMN status SET DEFAULT '" + before.get(0) + "';\n"
                + "DROP TYPE " + type + "_old;\n";
        return new Script("add_" + value + "_to_" + type,
                "ALTER TYPE " + type + " ADD VALUE '" + value + "' AFTER '" + after + "';\n", undo);
    }

    static Script activeView(Entity e) {
        e.hasActiveView = true;
        return new Script("create_view_" + e.name + "_active", "CREATE VIEW " + e.name + "_active AS\n"
                + activeQuery(e) + ";\n", "DROP VIEW " + e.name + "_active;\n");
    }

    /** A view on {@code <table>_active}, joined to the parent table. */
    static Script overview(Entity e) {
        e.hasOverview = true;
        return new Script("create_view_" + e.name + "_overview", "CREATE VIEW " + e.name + "_overview AS\n"
                + overviewQuery(e) + ";\n", "DROP VIEW " + e.name + "_overview;\n");
    }

    /** Adds the description at the end of the open-rows view; the undo must rebuild the view on top of it. */
    static Script widenActiveView(Entity e) {
        String before = activeQuery(e);
        e.activeViewHasDescription = true;
        StringBuilder undo = new StringBuilder();
        if (e.hasOverview) {
            undo.append("DROP VIEW ").append(e.name).append("_overview;\n");
        }
        undo.append("DROP VIEW ").append(e.name).append("_active;\n")
                .append("CREATE VIEW ").append(e.name).append("_active AS\n").append(before).append(";\n");
        if (e.hasOverview) {
            undo.append("CREATE VIEW ").append(e.name).append("_overview AS\n").append(overviewQuery(e)).append(";\n");
        }
        return new Script("show_description_in_" + e.name + "_active",
                "CREATE OR REPLACE VIEW " + e.name + "_active AS\n" + activeQuery(e) + ";\n", undo.toString());
    }

    static Script countFunction(Entity e) {
        String text = countFunctionText(e, false);
        return new Script("function_" + e.name + "_open_count", text, "DROP FUNCTION " + functionSignature(e) + ";\n");
    }

    static Script rewriteCountFunction(Entity e) {
        return new Script("rewrite_" + e.name + "_open_count",
                countFunctionText(e, true).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
                countFunctionText(e, false).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
    }

    private static String countFunctionText(Entity e, boolean rewritten) {
        String where = e.parent == null ? "archived_at IS NULL" : e.fk() + " = p_" + e.fk() + " AND archived_at IS NULL";
        String body = rewritten
                ? "    SELECT count(*) INTO open_rows\n    FROM " + e.name + "\n    WHERE " + where + "\n"
                        + "      AND created_at <= now();\n    RETURN coalesce(open_rows, 0);\n"
                : "    SELECT count(*) INTO open_rows FROM " + e.name + " WHERE " + where + ";\n    RETURN open_rows;\n";
        return "CREATE FUNCTION " + e.name + "_open_count(" + (e.parent == null ? "" : "p_" + e.fk() + " bigint")
                + ")\n    RETURNS bigint\n    LANGUAGE plpgsql\n    STABLE\n    SET search_path = public\nAS $$\n"
                + "DECLARE\n    open_rows bigint;\nBEGIN\n" + body + "END;\n$$;\n";
    }

    private static String functionSignature(Entity e) {
        return e.name + "_open_count(" + (e.parent == null ? "" : "bigint") + ")";
    }

    /** The label as {@code t.<column now> AS name} once renamed, so the text is what PostgreSQL prints after the rename. */
    private static String activeQuery(Entity e) {
        List<String> columns = new ArrayList<>();
        columns.add("t.id");
        if (e.parent != null) {
            columns.add("t." + e.fk());
        }
        columns.add(e.label.equals("name") ? "t.name" : "t." + e.label + " AS name");
        columns.add("t.created_at");
        if (e.activeViewHasDescription) {
            columns.add("t.description");
        }
        return "SELECT " + String.join(",\n       ", columns) + "\nFROM " + e.name + " t\nWHERE t.archived_at IS NULL";
    }

    private static String overviewQuery(Entity e) {
        return "SELECT a.id,\n       a.name,\n       a.created_at,\n       p.id AS " + e.parent.singular + "_id,\n"
                + "       p." + e.parent.label + " AS " + e.parent.singular + "_name\nFROM " + e.name + "_active a\n"
                + "JOIN " + e.parent.name + " p ON p.id = a." + e.fk();
    }

    private static String quoted(List<String> values) {
        return "'" + String.join("', '", values) + "'";
    }
}
