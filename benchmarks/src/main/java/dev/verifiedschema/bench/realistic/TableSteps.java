package dev.verifiedschema.bench.realistic;

import java.util.List;

/**
 * The versions that shape one business table over its life: created with keys and an index, renamed,
 * given a trigger, columns, partial and expression indexes, a check constraint, a column renamed and
 * one retyped, a batched backfill, a number from a sequence, comments, and a column dropped. Each
 * method writes the version from the table's state, updates the state, and writes the undo that
 * brings the state back.
 */
final class TableSteps {
    private TableSteps() {
    }

    static Script create(Entity e) {
        StringBuilder forward = new StringBuilder("CREATE TABLE " + e.name + " (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n");
        if (e.parent != null) {
            forward.append("    ").append(e.fk()).append(" bigint NOT NULL REFERENCES ").append(e.parent.name)
                    .append(" (id) ON DELETE CASCADE,\n");
        }
        forward.append("    name varchar(200) NOT NULL,\n"
                + "    created_at timestamptz NOT NULL DEFAULT now(),\n"
                + "    updated_at timestamptz NOT NULL DEFAULT now()\n);\n");
        if (e.parent != null) {
            forward.append("\nCREATE INDEX ").append(e.name).append("_").append(e.fk()).append("_idx ON ")
                    .append(e.name).append(" (").append(e.fk()).append(");\n");
        }
        if (e.seedRows > 0) {
            forward.append("\n-- the demo workspace every new installation starts with\nINSERT INTO ").append(e.name)
                    .append(" (").append(e.parent == null ? "" : e.fk() + ", ").append("name) VALUES");
            for (int row = 1; row <= e.seedRows; row++) {
                forward.append(row == 1 ? "\n    (" : ",\n    (").append(e.parent == null ? "" : row + ", ").append("'Demo ")
                        .append(e.singular.replace('_', ' ')).append(' ').append(row).append("')");
            }
            forward.append(";\n");
        }
        forward.append("\nCOMMENT ON TABLE ").append(e.name).append(" IS '")
                .append(e.parent == null ? "Top-level " + e.singular.replace('_', ' ') + " records."
                        : capitalised(e.table) + "; each belongs to one " + e.parent.singular.replace('_', ' ') + ".")
                .append("';\n");
        return new Script("create_" + e.name, forward.toString(), "DROP TABLE " + e.name + ";\n");
    }

    private static String capitalised(String table) {
        String words = table.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static Script renameTable(Entity e) {
        String old = e.name;
        e.name = e.table;
        return new Script("rename_" + old + "_to_" + e.name,
                "-- the product calls them " + e.name.replace('_', ' ') + " now\n"
                        + "ALTER TABLE " + old + " RENAME TO " + e.name + ";\n",
                "ALTER TABLE " + e.name + " RENAME TO " + old + ";\n");
    }

    static Script updatedAtTrigger(Entity e) {
        return new Script("touch_" + e.name + "_updated_at",
                "CREATE TRIGGER " + e.name + "_set_updated_at\n    BEFORE UPDATE ON " + e.name
                        + "\n    FOR EACH ROW\n    EXECUTE FUNCTION set_updated_at();\n",
                "DROP TRIGGER " + e.name + "_set_updated_at ON " + e.name + ";\n");
    }

    static Script columns(Entity e) {
        return new Script("add_" + e.name + "_details",
                "ALTER TABLE " + e.name + "\n    ADD COLUMN description text,\n"
                        + "    ADD COLUMN archived_at timestamptz,\n"
                        + "    ADD COLUMN sort_order smallint NOT NULL DEFAULT 0,\n"
                        + "    ADD COLUMN legacy_ref varchar(40);\n",
                "ALTER TABLE " + e.name + "\n    DROP COLUMN legacy_ref,\n    DROP COLUMN sort_order,\n"
                        + "    DROP COLUMN archived_at,\n    DROP COLUMN description;\n");
    }

    static Script partialIndex(Entity e) {
        String column = e.parent == null ? "created_at" : e.fk();
        String index = e.name + "_open_" + (e.parent == null ? "created" : e.parent.singular) + "_idx";
        return new Script("index_open_" + e.name,
                "-- most screens list only what is not archived\n"
                        + "CREATE INDEX " + index + " ON " + e.name + " (" + column + ")\n    WHERE archived_at IS NULL;\n",
                "DROP INDEX " + index + ";\n");
    }

    static Script renameLabel(Entity e) {
        e.label = "title";
        return new Script("rename_" + e.name + "_name_to_title",
                "ALTER TABLE " + e.name + " RENAME COLUMN name TO title;\n",
                "ALTER TABLE " + e.name + " RENAME COLUMN title TO name;\n");
    }

    static Script check(Entity e) {
        String constraint = e.name + "_label_not_blank";
        return new Script("check_" + e.name + "_" + e.label,
                "ALTER TABLE " + e.name + "\n    ADD CONSTRAINT " + constraint + " CHECK (btrim(" + e.label
                        + ") <> ''),\n    ADD CONSTRAINT " + e.name + "_sort_order_positive CHECK (sort_order >= 0);\n",
                "ALTER TABLE " + e.name + "\n    DROP CONSTRAINT " + e.name + "_sort_order_positive,\n"
                        + "    DROP CONSTRAINT " + constraint + ";\n");
    }

    /** A case-insensitive lookup; unique per parent among the open rows when the table has a parent. */
    static Script expressionIndex(Entity e) {
        String index = e.name + "_lower_label_idx";
        String forward = e.parent == null
                ? "CREATE INDEX " + index + " ON " + e.name + " (lower(" + e.label + "));\n"
                : "CREATE UNIQUE INDEX " + index + " ON " + e.name + " (" + e.fk() + ", lower(" + e.label + "))\n"
                        + "    WHERE archived_at IS NULL;\n";
        return new Script("index_" + e.name + "_by_lower_" + e.label, forward, "DROP INDEX " + index + ";\n");
    }

    /** A new column filled in batches, as a team does on a table too big for one UPDATE. */
    static Script backfill(Entity e) {
        String forward = "ALTER TABLE " + e.name + " ADD COLUMN search_key text;\n\n"
                + "-- a technical backfill: neither updated_at nor the audit log should see it\n"
                + "ALTER TABLE " + e.name + " DISABLE TRIGGER USER;\n\n"
                + "DO $$\nDECLARE\n    batch integer;\nBEGIN\n    LOOP\n"
                + "        UPDATE " + e.name + " SET search_key = lower(" + e.label + ")\n"
                + "        WHERE id IN (SELECT id FROM " + e.name + " WHERE search_key IS NULL LIMIT 1000);\n"
                + "        GET DIAGNOSTICS batch = ROW_COUNT;\n        EXIT WHEN batch = 0;\n    END LOOP;\nEND\n$$;\n\n"
                + "ALTER TABLE " + e.name + " ENABLE TRIGGER USER;\n"
                + "ALTER TABLE " + e.name + " ALTER COLUMN search_key SET NOT NULL;\n"
                + "CREATE INDEX " + e.name + "_search_key_idx ON " + e.name + " (search_key);\n";
        return new Script("backfill_" + e.name + "_search_key", forward,
                "DROP INDEX " + e.name + "_search_key_idx;\nALTER TABLE " + e.name + " DROP COLUMN search_key;\n");
    }

    static Script retype(Entity e) {
        return new Script("widen_" + e.name + "_sort_order",
                "ALTER TABLE " + e.name + " ALTER COLUMN sort_order TYPE integer;\n",
                "ALTER TABLE " + e.name + " ALTER COLUMN sort_order TYPE smallint;\n");
    }

    static Script dropLegacy(Entity e) {
        return new Script("drop_" + e.name + "_legacy_ref",
                "-- the import from the old system is long finished\n"
                        + "ALTER TABLE " + e.name + " DROP COLUMN legacy_ref;\n",
                "ALTER TABLE " + e.name + " ADD COLUMN legacy_ref varchar(40);\n");
    }

    static Script comments(Entity e) {
        List<String> columns = List.of("archived_at", "sort_order");
        StringBuilder forward = new StringBuilder();
        StringBuilder undo = new StringBuilder();
        for (String column : columns) {
            forward.append("COMMENT ON COLUMN ").append(e.name).append('.').append(column).append(" IS '")
                    .append(column.equals("archived_at") ? "Set when a user archives the row; archived rows are hidden."
                            : "Position in manual ordering, 0 first.").append("';\n");
            undo.append("COMMENT ON COLUMN ").append(e.name).append('.').append(column).append(" IS NULL;\n");
        }
        return new Script("document_" + e.name + "_columns", forward.toString(), undo.toString());
    }

    /** A human-facing number ({@code INV-1000}) from a sequence the column owns, unique. */
    static Script number(Entity e) {
        String sequence = e.singular + "_number_seq";
        return new Script("number_" + e.name,
                "CREATE SEQUENCE " + sequence + " AS bigint START WITH 1000;\n"
                        + "ALTER TABLE " + e.name + " ADD COLUMN number bigint NOT NULL DEFAULT nextval('" + sequence + "');\n"
                        + "ALTER SEQUENCE " + sequence + " OWNED BY " + e.name + ".number;\n"
                        + "ALTER TABLE " + e.name + " ADD CONSTRAINT " + e.name + "_number_key UNIQUE (number);\n",
                "ALTER TABLE " + e.name + " DROP CONSTRAINT " + e.name + "_number_key;\n"
                        + "ALTER TABLE " + e.name + " DROP COLUMN number;\n"
                        + "DROP SEQUENCE IF EXISTS " + sequence + ";\n");
    }

    static Script auditTrigger(Entity e) {
        return new Script("audit_" + e.name,
                "CREATE TRIGGER " + e.name + "_audit\n    AFTER INSERT OR UPDATE OR DELETE ON " + e.name
                        + "\n    FOR EACH ROW\n    EXECUTE FUNCTION audit_row_change();\n",
                "DROP TRIGGER " + e.name + "_audit ON " + e.name + ";\n");
    }
}
