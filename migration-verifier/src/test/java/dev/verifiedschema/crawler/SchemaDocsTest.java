package dev.verifiedschema.crawler;

import dev.verifiedschema.crawler.SchemaDocs.Format;
import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class SchemaDocsTest {
    private DataSource db;

    @BeforeEach
    void shop(DataSource db) throws SQLException {
        this.db = db;
        execute("""
                CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
                COMMENT ON TABLE customers IS 'who buys';
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
                    placed_at timestamptz NOT NULL DEFAULT now(), note text);
                CREATE INDEX orders_customer ON orders (customer_id);
                CREATE TABLE flyway_schema_history (version text);
                """);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String docs(Format format) throws SQLException {
        try (Connection c = db.getConnection()) {
            return SchemaDocs.write(c, "public", format);
        }
    }

    @Test
    void theHtmlPageHoldsEveryTableColumnKeyIndexAndRelationshipAndNeedsNoNetwork() throws SQLException {
        String html = docs(Format.HTML);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Schema public (verified-schema)</title>",
                "customers", "who buys", "email", "customers_email_key", "orders_customer_id_fkey", "orders_customer",
                "placed_at", "now()");
        assertThat(html).as("self-contained").doesNotContain("<link", "<script src", "http://", "https://");
        assertThat(html).as("Flyway's table is not the team's").doesNotContain("flyway_schema_history");
    }

    @Test
    void theTextFormIsTheSameForTheSameSchemaAndADiffShowsWhatChanged() throws Exception {
        String before = docs(Format.TEXT);

        assertThat(docs(Format.TEXT)).as("no time, no version: two reads of one schema are equal").isEqualTo(before);
        assertThat(before).contains("customers", "orders_customer_id_fkey").doesNotContain("generated on");

        execute("ALTER TABLE orders ADD COLUMN shipped_at timestamptz");
        String after = docs(Format.TEXT);
        assertThat(after).isNotEqualTo(before).contains("shipped_at");
        assertThat(before).doesNotContain("shipped_at");
    }
}
