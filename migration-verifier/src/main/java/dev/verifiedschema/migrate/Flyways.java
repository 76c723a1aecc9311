package dev.verifiedschema.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;
import java.util.List;

/**
 * The one place where the toolkit configures Flyway Community, so every caller (stairway, template
 * databases, command line) migrates the same way.
 */
final class Flyways {
    private Flyways() {
    }

    /**
     * A Flyway configuration for a database, locations and schema. Bare locations mean the file
     * system. Flyway's transactional advisory lock is turned off: with it, a migration that runs
     * outside a transaction ({@code CREATE INDEX CONCURRENTLY}) waits forever for Flyway's own
     * open transaction.
     */
    static FluentConfiguration configure(DataSource dataSource, List<String> locations, String schema) {
        return configure(dataSource, locations, FlywaySettings.none(), schema);
    }

    /**
     * A Flyway configuration for a database, a set (its locations and Flyway settings) and schema.
     * The set's settings are applied first; the toolkit's own (locations, data source, schema,
     * {@code cleanDisabled}, the transactional lock off) are applied after them and win. Flyway gets the
     * set's scripts as the toolkit read them, without the undo scripts ({@link SetResources}).
     */
    static FluentConfiguration configure(DataSource dataSource, MigrationSet set, String schema) {
        FluentConfiguration configuration = configure(dataSource, set.locations(), set.settings(), schema);
        SetResources.of(set).ifPresent(configuration::resourceProvider);
        return configuration;
    }

    /** A Flyway configuration for a database, locations, Flyway settings and schema (see above). */
    static FluentConfiguration configure(DataSource dataSource, List<String> locations, FlywaySettings settings,
                                                String schema) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        FluentConfiguration configuration = Flyway.configure(loader != null ? loader : Flyways.class.getClassLoader());
        settings.applyTo(configuration);
        // through the plugin register, which every supported Flyway has: FluentConfiguration.getConfigurationExtension
        // is missing from 11.7 (Spring Boot 3.5's), and the property route needs jackson-databind on 13.x
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration
                .dataSource(dataSource)
                .locations(locations.stream().map(Flyways::location).toArray(String[]::new))
                .schemas(schema)
                .defaultSchema(schema)
                .cleanDisabled(true);
    }

    /** Flyway reads a bare location as a classpath one; ours means the file system. */
    static String location(String location) {
        return location.startsWith("classpath:") || location.startsWith("filesystem:") ? location
                : "filesystem:" + location;
    }
}
