package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings;
import schemacrawler.schema.Catalog;
import schemacrawler.tools.command.text.schema.options.SchemaTextOptionsBuilder;
import schemacrawler.tools.command.text.schema.options.TextOutputFormat;
import schemacrawler.tools.executable.SchemaCrawlerExecutable;
import schemacrawler.tools.options.OutputOptionsBuilder;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The documentation of a schema, as SchemaCrawler's {@code details} output writes it: every table
 * with its columns (type, nullability, default, comment), primary key, foreign keys in both
 * directions, indexes and the tables that use it. {@link Format#HTML} is one self-contained page (its
 * style inline, nothing fetched) for a CI artifact or a review; {@link Format#TEXT} is plain text
 * without the time it was made or the tool's version, so that the documentation of two heads can be
 * compared with {@code diff}. Read in read-only transactions on the connection given; Flyway's history
 * table is left out. See {@code docs/schema-docs.md}.
 */
public final class SchemaDocs {
    /** The documentation's form. */
    public enum Format {
        /** One self-contained HTML page. */
        HTML,
        /** Plain text, the same from run to run for the same schema. */
        TEXT;

        /** {@code html} or {@code text}, in any letter case. */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'" + name + "'; allowed: html, text");
        }

        /** {@code html} or {@code txt}: the extension of a file of this form. */
        public String extension() {
            return this == HTML ? "html" : "txt";
        }
    }

    private SchemaDocs() {
    }

    /**
     * Documents one schema.
     *
     * @param connection a connection of the documentation's own, switched to read-only transactions and left open
     * @param schema     the schema, as stored in the catalog
     * @throws DesignLintException when the schema cannot be read (the message says why and what to do)
     */
    public static String write(Connection connection, String schema, Format format) {
        Catalog catalog;
        try {
            DesignLint.readOnly(connection);
            catalog = DesignLint.crawl(connection, schema, DesignLintSettings.DEFAULT);
        } catch (SQLException | RuntimeException e) {
            throw new DesignLintException("The documentation of schema " + schema + " could not be read: "
                    + DesignLint.rootMessage(e) + ". Check the connection and the schema's name.", e);
        }
        SchemaTextOptionsBuilder text = SchemaTextOptionsBuilder.builder().noInfo().showUnqualifiedNames()
                .sortIndexes().sortForeignKeys();
        StringWriter out = new StringWriter();
        SchemaCrawlerExecutable details = new SchemaCrawlerExecutable("details");
        details.setCatalog(catalog);
        details.setAdditionalConfiguration(text.toConfig());
        details.setOutputOptions(OutputOptionsBuilder.builder()
                .withOutputFormat(format == Format.HTML ? TextOutputFormat.html : TextOutputFormat.text)
                .withOutputWriter(out).toOptions());
        details.execute();
        String written = out.toString();
        return format == Format.HTML
                ? written.replace("<title>SchemaCrawler Output</title>", "<title>Schema " + escape(schema)
                        + " (verified-schema)</title>")
                : written.strip().lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"))
                        + "\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
