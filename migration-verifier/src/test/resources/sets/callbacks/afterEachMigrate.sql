INSERT INTO ops.migration_log (event) VALUES ('afterEachMigrate');
