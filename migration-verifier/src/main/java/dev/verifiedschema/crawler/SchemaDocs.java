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
 * The documentation of a schema's tables, as SchemaCrawler's {@code details} output writes it: every table
 * with its columns (type, nullability, default, comment), primary key, foreign keys in both
 * directions, indexes and the tables that use it. {@link Format#HTML} is one self-contained page (its
 * style inline, nothing fetched) for a CI artifact or a review; {@link Format#TEXT} is plain text
 * without the time it was made or the tool's version, so that the documentation of two heads can be
 * compared with {@code diff}. Read in read-only transactions on the connection given; Flyway's history
 * table is left out, and so are views, sequences, functions and types. See {@code docs/schema-docs.md}.
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
     * @param format     the documentation's form
     * @return the documentation
     * @throws SchemaReadException when the schema does not exist or cannot be read (the message says why)
     */
    public static String write(Connection connection, String schema, Format format) {
        return write(connection, schema, java.util.EnumSet.of(format)).get(format);
    }

    /**
     * Documents one schema in several forms, reading it once.
     *
     * @return the documentation by form
     * @throws SchemaReadException when the schema does not exist or cannot be read (the message says why)
     */
    public static java.util.Map<Format, String> write(Connection connection, String schema, java.util.Set<Format> formats) {
        String what = "The documentation of schema " + schema;
        try (SchemaCrawlerLog log = new SchemaCrawlerLog()) {
            Catalog catalog;
            try {
                DesignLint.readOnly(connection);
                if (!DesignLint.exists(connection, schema)) {
                    throw new SchemaReadException(what + " cannot be written: there is no schema " + schema
                            + " in the database. Check the schema's name (--schema) and the database.", null);
                }
                catalog = DesignLint.crawl(connection, schema, DesignLintSettings.DEFAULT);
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SchemaReadException known) {
                    throw known;
                }
                throw new SchemaReadException(what + " could not be read: " + DesignLint.rootMessage(e)
                        + ". Check the connection and the schema's name.", e);
            }
            log.throwIfAny(what, "reading the schema");
            java.util.Map<Format, String> written = new java.util.EnumMap<>(Format.class);
            for (Format format : formats) {
                try {
                    written.put(format, render(catalog, schema, format));
                } catch (RuntimeException e) {
                    throw new SchemaReadException(what + " could not be written as " + format.extension() + ": "
                            + DesignLint.rootMessage(e), e);
                }
                log.throwIfAny(what, "writing it as " + format.extension());
            }
            return written;
        }
    }

    private static String render(Catalog catalog, String schema, Format format) {
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
