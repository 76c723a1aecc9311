package dev.verifiedschema.migrate;

import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads script names exactly as Flyway does, with Flyway's own name parser and the set's prefix,
 * separator and suffix settings: versioned ({@code V1_5__multitenant.sql} is 1.5), repeatable
 * ({@code R__views.sql}) and SQL callbacks ({@code beforeMigrate.sql}, {@code afterEachMigrate__grants.sql});
 * undo scripts ({@code U1_5__multitenant.sql}, an Enterprise kind that Community does not parse) are
 * read by the same parser with the undo prefix in place of the versioned one.
 */
final class MigrationNames {
    /** What a file is to Flyway. */
    enum Kind { FORWARD, UNDO, REPEATABLE, CALLBACK, INVALID }

    /** One file name, read. */
    record Name(Kind kind, MigrationVersion version, String description, String flywaySays) {
    }

    private final ResourceNameParser forward;
    private final ResourceNameParser undo;
    private final String prefix;
    private final String undoPrefix;
    private final String separator;
    private final String repeatablePrefix;
    private final String suffix;
    private final List<String> suffixes;

    MigrationNames(FlywaySettings settings) {
        Configuration configuration = settings.configuration();
        this.forward = new ResourceNameParser(configuration);
        this.prefix = configuration.getSqlMigrationPrefix();
        this.undoPrefix = settings.undoPrefix();
        this.separator = configuration.getSqlMigrationSeparator();
        this.repeatablePrefix = configuration.getRepeatableSqlMigrationPrefix();
        this.suffixes = Arrays.asList(configuration.getSqlMigrationSuffixes());
        this.suffix = suffixes.isEmpty() ? ".sql" : suffixes.get(0);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.undo = new ResourceNameParser(new FluentConfiguration(loader != null ? loader
                : MigrationNames.class.getClassLoader()).configuration(configuration).sqlMigrationPrefix(undoPrefix));
    }

    /** The suffixes of script files ({@code flyway.sqlMigrationSuffixes}, {@code .sql} by default). */
    List<String> suffixes() {
        return suffixes;
    }

    /** {@code V<version>__<description>.sql} with this set's prefix, separator and suffix. */
    String pattern(boolean undoScript) {
        return (undoScript ? undoPrefix : prefix) + "<version>" + separator + "<description>" + suffix;
    }

    Name read(String fileName) {
        ResourceName name = forward.parse(fileName);
        if (name.isValid()) {
            // by the prefix the parser matched, not ResourceName.getType(): Flyway 11.7 (Spring Boot 3.5's) lacks it
            if (name.getVersion() != null && prefix.equals(name.getPrefix())) {
                return new Name(Kind.FORWARD, MigrationVersion.of(name.getVersion()), name.getDescription(), null);
            }
            if (repeatablePrefix.equals(name.getPrefix())) {
                return new Name(Kind.REPEATABLE, null, name.getDescription(), null);
            }
            if (Event.fromId(name.getPrefix()) != null) {
                return new Name(Kind.CALLBACK, null, name.getPrefix(), null);
            }
            return new Name(Kind.INVALID, null, null, "a Flyway script of prefix " + name.getPrefix()
                    + ", which the stairway does not run");
        }
        if (fileName.startsWith(undoPrefix)) {
            ResourceName undoName = undo.parse(fileName);
            if (undoName.isValid() && undoName.getVersion() != null && undoPrefix.equals(undoName.getPrefix())) {
                return new Name(Kind.UNDO, MigrationVersion.of(undoName.getVersion()), undoName.getDescription(), null);
            }
            if (!undoName.isValid()) {
                return new Name(Kind.INVALID, null, null, undoName.getValidityMessage());
            }
        }
        return new Name(Kind.INVALID, null, null, name.getValidityMessage());
    }

    /** The message for a name Flyway ignores or rejects, with what to rename it to where that is clear. */
    String problem(String path, String fileName, String flywaySays) {
        Pattern oneUnderscore = Pattern.compile("(" + Pattern.quote(prefix) + "|" + Pattern.quote(undoPrefix)
                + ")(\\d+([._]\\d+)*)_([^_].*)");
        var m = oneUnderscore.matcher(fileName);
        if (separator.equals("__") && m.matches()) {
            return path + " has one underscore after the version; Flyway needs two: "
                    + m.group(1) + m.group(2) + "__" + m.group(4);
        }
        return path + " is not named like a migration; name forward scripts " + pattern(false)
                + " and undo scripts " + pattern(true) + " (version: digits separated by dots or underscores), "
                + "repeatable migrations " + repeatablePrefix + separator + "<description>" + suffix
                + ", callbacks after Flyway's events (beforeMigrate" + suffix + ")"
                + (flywaySays == null || flywaySays.isBlank() ? "" : "; Flyway says: " + flywaySays);
    }
}
