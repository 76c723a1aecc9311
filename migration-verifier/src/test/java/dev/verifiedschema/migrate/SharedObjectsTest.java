package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedObjectsTest {
    @Test
    void rolesTablespacesDatabasesSettingsAndMembershipsAreWhatTheServersDatabasesShare() {
        String[] shared = {
            "CREATE ROLE reporting NOLOGIN;",
            "create user app_reader with password 'x';",
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'api') THEN\n  CREATE ROLE api; END IF; END $$;",
            "ALTER ROLE api SET statement_timeout = '5s';",
            "DROP ROLE IF EXISTS reporting;",
            "CREATE TABLESPACE fast LOCATION '/mnt/nvme';",
            "ALTER DATABASE current SET timezone TO 'UTC';",
            "ALTER SYSTEM SET work_mem = '64MB';",
            "GRANT reporting TO app_reader;",
            "grant \"read-only\", auditors to api with admin option;",
            "REVOKE reporting FROM app_reader;",
            "REASSIGN OWNED BY old_owner TO app;",
            "COMMENT ON ROLE api IS 'the API';",
            "GRANT CREATE ON DATABASE app TO api;",
            "GRANT SET ON PARAMETER work_mem TO api;",
            "SECURITY LABEL FOR selinux ON ROLE api IS 'system_u:object_r:sepgsql_table_t:s0';",
            "CREATE SUBSCRIPTION orders_sub CONNECTION 'host=primary dbname=app' PUBLICATION orders_pub;",
            "SELECT pg_create_logical_replication_slot('orders_slot', 'pgoutput');",
        };
        for (String sql : shared) {
            assertThat(SharedObjects.in(sql)).as(sql).isTrue();
        }
    }

    @Test
    void objectsOfOneDatabaseAreNot() {
        String[] own = {
            "CREATE TABLE users (id bigint PRIMARY KEY, role text NOT NULL, user_name text);",
            "GRANT SELECT, INSERT ON TABLE users TO app;",
            "GRANT USAGE ON SCHEMA billing TO reporting;",
            "REVOKE ALL ON FUNCTION touch() FROM PUBLIC;",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting;",
            "CREATE INDEX CONCURRENTLY users_role_idx ON users (role);",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
            "UPDATE users SET role = 'admin' WHERE user_name = 'root';",
            "CREATE TYPE user_role AS ENUM ('admin', 'member');",
        };
        for (String sql : own) {
            assertThat(SharedObjects.in(sql)).as(sql).isFalse();
        }
    }
}
