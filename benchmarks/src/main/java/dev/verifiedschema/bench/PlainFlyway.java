package dev.verifiedschema.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import javax.sql.DataSource;

/**
 * The baseline the ratios divide by: Flyway Community as an application runs it, configured here
 * by the benchmarks themselves (the engine's own configuration is not part of its public API), with
 * the same choices the stairway makes (schema public, no transactional lock).
 */
final class PlainFlyway {
    private PlainFlyway() {
    }

    static FluentConfiguration configure(DataSource dataSource, String location) {
        FluentConfiguration configuration = Flyway.configure(PlainFlyway.class.getClassLoader());
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.dataSource(dataSource)
                .locations(location.startsWith("classpath:") || location.startsWith("filesystem:") ? location
                        : "filesystem:" + location)
                .schemas("public").defaultSchema("public");
    }

    /** A plain migrate of the location to its newest version. */
    static void migrate(DataSource dataSource, String location) {
        configure(dataSource, location).load().migrate();
    }
}
