package dev.verifiedschema.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a PostgreSQL database whose schema was built by the project's Flyway
 * migrations, proven forward and backward step by step (the stairway), and checked against a
 * contract. Test methods receive a {@link javax.sql.DataSource}, a {@link java.sql.Connection}, a
 * {@link JdbcUrl @JdbcUrl String}, the head {@link dev.verifiedschema.snapshot.SchemaSnapshot} or
 * the {@link dev.verifiedschema.migrate.StairwayReport} as parameters.
 *
 * <pre>{@code
 * @VerifiedSchema(migrations = "classpath:db/migration", contract = "classpath:talentai-contract.yaml")
 * class BillingRepositoryTest {
 *     @Test void chargesAreRecorded(DataSource db) { ... }
 * }
 * }</pre>
 *
 * <p>Every attribute left at its default falls back to a configuration parameter (in
 * {@code junit-platform.properties} or a system property) named by the constants below, and then to
 * the documented default. The verification of one migration set runs once per JVM however many test
 * classes use it; each class (or method, with {@link Isolation#METHOD}) then gets a copy of the
 * verified database made with {@code CREATE DATABASE ... TEMPLATE}, which takes milliseconds.
 * A failed verification fails every test of the class with the stairway report.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VerifiedSchemaExtension.class)
public @interface VerifiedSchema {
    /** Prefix of every configuration parameter. */
    String PREFIX = "verifiedschema.";
    /** Migration locations, comma separated; default {@code classpath:db/migration}. */
    String MIGRATIONS_KEY = PREFIX + "migrations";
    /** The contract file ({@code classpath:} or a path); default none. */
    String CONTRACT_KEY = PREFIX + "contract";
    /** The fixtures location; default none. */
    String FIXTURES_KEY = PREFIX + "fixtures";
    /** {@code auto} (default), {@code embedded}, {@code testcontainers} or {@code external}. */
    String PROVIDER_KEY = PREFIX + "provider";
    /** The PostgreSQL major version; default: the provider's (embedded: the binaries on the classpath; containers: 16). */
    String PG_VERSION_KEY = PREFIX + "pgVersion";
    /** The Docker image for Testcontainers; default {@code postgres:<pgVersion>-alpine}. */
    String IMAGE_KEY = PREFIX + "image";
    /** The schema the migrations build; default the contract's schema, else {@code public}. */
    String SCHEMA_KEY = PREFIX + "schema";
    /** {@code required} (default), {@code optional} or {@code none}. */
    String UNDO_KEY = PREFIX + "undo";
    /** {@code true} (default) or {@code false}: undo everything from head to zero at the end. */
    String FULL_DOWNGRADE_KEY = PREFIX + "fullDowngrade";
    /** {@code class} (default) or {@code method}. */
    String ISOLATION_KEY = PREFIX + "isolation";
    /** JDBC URL of an external server (only as a configuration parameter, never in code). */
    String URL_KEY = PREFIX + "url";
    /** User for the external server. */
    String USER_KEY = PREFIX + "user";
    /** Password for the external server; never logged. */
    String PASSWORD_KEY = PREFIX + "password";
    /** How many fresh databases to keep ready in the background; default 2. */
    String PREFETCH_KEY = PREFIX + "prefetch";
    /** Where the stairway reports are written; default {@code target/verified-schema}. */
    String REPORT_DIR_KEY = PREFIX + "reportDir";
    /** {@code false} (default: report every failing step) or {@code true}: stop at the first. */
    String FAIL_FAST_KEY = PREFIX + "failFast";
    /** How long a stairway statement may wait for a lock ({@code 500ms}, {@code 30s}, {@code 0} for none); default 30s. */
    String LOCK_TIMEOUT_KEY = PREFIX + "lockTimeout";
    /** How long a stairway statement may run; default 10min. */
    String STATEMENT_TIMEOUT_KEY = PREFIX + "statementTimeout";
    /** A baseline of accepted findings ({@code classpath:} or a path); default none. */
    String BASELINE_KEY = PREFIX + "baseline";
    /**
     * A file to record every finding of the verification in, as a baseline (only as a configuration
     * parameter: {@code -Dverifiedschema.writeBaseline=src/test/resources/stairway-baseline.json});
     * the verification then accepts what it recorded.
     */
    String WRITE_BASELINE_KEY = PREFIX + "writeBaseline";
    /**
     * {@code on} or {@code off}: whether the design lint of the head runs (docs/design-lint.md); default as the
     * contract's {@code designLint:} says, else off (the lint is opt-in).
     */
    String DESIGN_LINT_KEY = PREFIX + "designLint";
    /**
     * {@code none}, {@code low}, {@code medium}, {@code high} or {@code critical}: the lowest severity of a design
     * flaw that fails the verification; default the contract's {@code designLint.failOn}, else none.
     */
    String DESIGN_LINT_FAIL_ON_KEY = PREFIX + "designLintFailOn";
    /**
     * {@code false} (default) or {@code true}: write the head's documentation next to the stairway report
     * ({@code <report>-schema/schema.html} and {@code schema.txt} in {@link #REPORT_DIR_KEY}).
     */
    String SCHEMA_DOCS_KEY = PREFIX + "schemaDocs";
    /**
     * {@code false} (default) or {@code true}: read the head a second way, through pgjdbc's
     * {@code DatabaseMetaData}, and fail the verification when it disagrees with the toolkit's reading.
     */
    String CROSS_CHECK_KEY = PREFIX + "crossCheck";
    /** A {@code flyway.conf} or {@code flyway.toml} ({@code classpath:} or a path) whose Flyway settings apply; default none. */
    String FLYWAY_CONFIG_KEY = PREFIX + "flywayConfig";
    /**
     * {@code true} (default) or {@code false}: whether settings a framework's configuration holds (the Spring
     * Boot module's {@code spring.flyway.*}, see {@link FrameworkConventions}) fill in what is not given here.
     */
    String CONVENTIONS_KEY = PREFIX + "conventions";
    /**
     * Prefix of Flyway settings passed through to Flyway: {@code verifiedschema.flyway.mixed=true} is
     * Flyway's {@code flyway.mixed=true}, {@code verifiedschema.flyway.placeholders.tenant=acme} a
     * placeholder. They win over {@link #flywayConfig()}'s file.
     */
    String FLYWAY_PREFIX = PREFIX + "flyway.";

    /** Migration locations ({@code classpath:db/migration}, {@code filesystem:src/main/resources/db/migration}). */
    String[] migrations() default {};

    /** The contract to check at head ({@code classpath:talentai-contract.yaml} or a file path). */
    String contract() default "";

    /** Where fixture scripts ({@code <version>__<description>.sql}) are. */
    String fixtures() default "";

    /**
     * A {@code flyway.conf} or {@code flyway.toml} ({@code classpath:flyway.conf} or a file path) whose
     * Flyway settings (placeholders, {@code mixed}, {@code sqlMigrationPrefix}, …) the migrations are run with.
     */
    String flywayConfig() default "";

    /** Where the PostgreSQL server comes from. */
    Provider provider() default Provider.DEFAULT;

    /** The PostgreSQL major version, 0 for the default. */
    int pgVersion() default 0;

    /** The Docker image for the Testcontainers provider. */
    String image() default "";

    /** The schema the migrations build. */
    String schema() default "";

    /** Whether every migration needs an undo script. */
    Undo undo() default Undo.DEFAULT;

    /** Whether to undo everything from head to zero and require an empty schema. */
    Toggle fullDowngrade() default Toggle.DEFAULT;

    /** One database per test class, or a fresh one per test method. */
    Isolation isolation() default Isolation.DEFAULT;

    /** Whether to stop at the first failing step instead of reporting every one. */
    Toggle failFast() default Toggle.DEFAULT;

    /** A baseline of accepted findings ({@code classpath:stairway-baseline.json} or a file path). */
    String baseline() default "";

    /** Whether the design lint of the head runs; {@code DEFAULT} defers to {@value #DESIGN_LINT_KEY}, then the contract. */
    Toggle designLint() default Toggle.DEFAULT;

    /**
     * The lowest severity of a design flaw that fails the verification ({@code high}; {@code none} for
     * warnings only); empty defers to {@value #DESIGN_LINT_FAIL_ON_KEY}, then the contract.
     */
    String designLintFailOn() default "";

    /** Where the PostgreSQL server comes from; {@code DEFAULT} defers to {@value #PROVIDER_KEY}. */
    enum Provider { DEFAULT, AUTO, EMBEDDED, TESTCONTAINERS, EXTERNAL }

    /** Undo policy; {@code DEFAULT} defers to {@value #UNDO_KEY}. */
    enum Undo { DEFAULT, REQUIRED, OPTIONAL, NONE }

    /** On or off; {@code DEFAULT} defers to the configuration parameter. */
    enum Toggle { DEFAULT, ON, OFF }

    /** Database per class or per method; {@code DEFAULT} defers to {@value #ISOLATION_KEY}. */
    enum Isolation { DEFAULT, CLASS, METHOD }
}
