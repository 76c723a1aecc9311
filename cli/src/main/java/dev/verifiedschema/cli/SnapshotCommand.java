package dev.verifiedschema.cli;

import dev.verifiedschema.crawler.SchemaReadException;
import dev.verifiedschema.crawler.SchemaDocs;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.report.ContractYaml;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Prints a contract YAML of a schema, to bootstrap a contract and then trim it by hand: "
                + "of a live database (--url) or of what a migration set builds (--migrations, on embedded PostgreSQL). "
                + "Every table is exact, with its columns, primary key, foreign keys, unique constraints and indexes. "
                + "With --docs html|text, the schema's documentation instead."})
final class SnapshotCommand extends DatabaseCommand {
    @Option(names = "--migrations", paramLabel = "DIR", description = "build the schema from these migrations instead")
    java.nio.file.Path migrations;

    @Option(names = "--schema", defaultValue = "public", description = "the schema (default public)")
    String schema;

    @Option(names = "--tables", paramLabel = "GLOB", split = ",", description = "only tables matching these globs, e.g. hm_*,users")
    List<String> tables;

    @Option(names = "--docs", paramLabel = "html|text", description = "print the schema's documentation instead "
            + "(SchemaCrawler's details: every table, column, key, index and relationship): html, one self-contained "
            + "page; text, to diff two heads with")
    String docs;

    @Override
    Result execute() throws Exception {
        if (db.given() == (migrations != null)) {
            throw CliException.badInput("snapshot needs either --url JDBC or --migrations DIR (one of them)");
        }
        if (docs != null) {
            return documentation();
        }
        SchemaSnapshot snapshot;
        if (db.given()) {
            try (Connection c = db.connect(root.env)) {
                snapshot = SchemaInspector.create().inspect(c, schema);
            }
        } else {
            snapshot = HeadSchema.build(migrations, schema);
        }
        Predicate<String> filter = filter();
        String yaml = ContractYaml.of(snapshot, filter);
        long count = snapshot.tables().keySet().stream().filter(filter).count();
        return new Result("snapshot").summary(count + " table(s) of schema " + schema).raw(yaml)
                .put("contractYaml", yaml);
    }

    /** The documentation of the schema, of the live database read-only, or of what the migrations build. */
    private Result documentation() throws Exception {
        SchemaDocs.Format format;
        try {
            format = SchemaDocs.Format.named(docs);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--docs " + docs + ": allowed values are html, text");
        }
        if (tables != null) {
            throw CliException.badInput("--docs documents every table of the schema; --tables only filters the "
                    + "contract YAML: drop one of them");
        }
        String written;
        try {
            if (db.given()) {
                try (Connection c = db.connect(root.env)) {
                    written = SchemaDocs.write(c, schema, format);
                }
            } else {
                written = HeadSchema.build(migrations, schema, c -> SchemaDocs.write(c, schema, format));
            }
        } catch (SchemaReadException e) {
            throw new CliException(CliException.ENVIRONMENT, e.getMessage(), e);
        }
        return new Result("snapshot").summary("documentation of schema " + schema + " (" + format.extension() + ")")
                .raw(written).put("documentation", written);
    }

    private Predicate<String> filter() {
        if (tables == null || tables.isEmpty()) {
            return t -> true;
        }
        List<Pattern> patterns = tables.stream().map(String::strip)
                .map(g -> Pattern.compile(g.chars().mapToObj(c -> c == '*' ? ".*" : c == '?' ? "."
                        : Pattern.quote(String.valueOf((char) c))).reduce("", String::concat))).toList();
        return t -> patterns.stream().anyMatch(p -> p.matcher(t).matches());
    }

}
