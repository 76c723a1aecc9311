INSERT INTO ops.migration_log (event) VALUES ('afterMigrate ' || '${flyway:filename}');
