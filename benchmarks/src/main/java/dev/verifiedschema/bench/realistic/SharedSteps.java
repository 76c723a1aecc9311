package dev.verifiedschema.bench.realistic;

/**
 * The versions that belong to no single business table: trigger functions every table uses, reference
 * tables with their seed rows, data fixes with an exact undo, copies of data into new tables
 * ({@code INSERT ... SELECT}), a materialised view and a procedure.
 */
final class SharedSteps {
    private SharedSteps() {
    }

    static Script updatedAtFunction() {
        return new Script("function_set_updated_at",
                "CREATE FUNCTION set_updated_at() RETURNS trigger\n    LANGUAGE plpgsql\nAS $$\nBEGIN\n"
                        + "    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n$$;\n",
                "DROP FUNCTION set_updated_at();\n");
    }

    static Script countries() {
        return new Script("create_countries",
                "CREATE TABLE countries (\n    code char(2) PRIMARY KEY,\n    name text NOT NULL UNIQUE\n);\n\n"
                        + "INSERT INTO countries (code, name) VALUES\n"
                        + "    ('AT', 'Austria'), ('BE', 'Belgium'), ('CA', 'Canada'), ('CH', 'Switzerland'),\n"
                        + "    ('DE', 'Germany'), ('DK', 'Denmark'), ('ES', 'Spain'), ('FR', 'France'),\n"
                        + "    ('GB', 'United Kingdom'), ('IE', 'Ireland'), ('IT', 'Italy'), ('NL', 'Netherlands'),\n"
                        + "    ('NO', 'Norway'), ('PL', 'Poland'), ('PT', 'Portugal'), ('SE', 'Sweden'),\n"
                        + "    ('US', 'United States');\n",
                "DROP TABLE countries;\n");
    }

    static Script accountCountry() {
        return new Script("add_accounts_country",
                "ALTER TABLE accounts ADD COLUMN country_code char(2) REFERENCES countries (code);\n"
                        + "CREATE INDEX accounts_country_code_idx ON accounts (country_code);\n",
                "ALTER TABLE accounts DROP COLUMN country_code;\n");
    }

    static Script countriesEu() {
        return new Script("mark_eu_countries",
                "ALTER TABLE countries ADD COLUMN eu_member boolean NOT NULL DEFAULT false;\n\n"
                        + "UPDATE countries SET eu_member = true\n"
                        + "WHERE code IN ('AT', 'BE', 'DE', 'DK', 'ES', 'FR', 'IE', 'IT', 'NL', 'PL', 'PT', 'SE');\n",
                "ALTER TABLE countries DROP COLUMN eu_member;\n");
    }

    static Script auditLog() {
        return new Script("create_audit_log",
                "CREATE TABLE audit_log (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    table_name text NOT NULL,\n    row_id bigint NOT NULL,\n"
                        + "    action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),\n"
                        + "    old_row jsonb,\n    new_row jsonb,\n"
                        + "    changed_at timestamptz NOT NULL DEFAULT now()\n);\n\n"
                        + "CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id);\n"
                        + "CREATE INDEX audit_log_changed_at_brin ON audit_log USING brin (changed_at);\n\n"
                        + "CREATE FUNCTION audit_row_change() RETURNS trigger\n    LANGUAGE plpgsql\n"
                        + "    SECURITY DEFINER\n    SET search_path = public\nAS $$\nBEGIN\n"
                        + "    IF TG_OP = 'DELETE' THEN\n"
                        + "        INSERT INTO audit_log (table_name, row_id, action, old_row)\n"
                        + "        VALUES (TG_TABLE_NAME, OLD.id, TG_OP, to_jsonb(OLD));\n        RETURN OLD;\n    END IF;\n"
                        + "    INSERT INTO audit_log (table_name, row_id, action, old_row, new_row)\n"
                        + "    VALUES (TG_TABLE_NAME, NEW.id, TG_OP,\n"
                        + "            CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END, to_jsonb(NEW));\n"
                        + "    RETURN NEW;\nEND;\n$$;\n",
                "DROP FUNCTION audit_row_change();\nDROP TABLE audit_log;\n");
    }

    static Script currencies() {
        return new Script("create_currencies",
                "CREATE TABLE currencies (\n    code char(3) PRIMARY KEY,\n    minor_units smallint NOT NULL DEFAULT 2\n"
                        + "        CHECK (minor_units BETWEEN 0 AND 4),\n    symbol text NOT NULL\n);\n\n"
                        + "INSERT INTO currencies (code, minor_units, symbol) VALUES\n"
                        + "    ('CHF', 2, 'CHF'), ('DKK', 2, 'kr'), ('EUR', 2, '€'), ('GBP', 2, '£'),\n"
                        + "    ('JPY', 0, '¥'), ('NOK', 2, 'kr'), ('SEK', 2, 'kr'), ('USD', 2, '$');\n\n"
                        + "ALTER TABLE accounts ADD COLUMN currency_code char(3) NOT NULL DEFAULT 'EUR'\n"
                        + "    REFERENCES currencies (code);\n",
                "ALTER TABLE accounts DROP COLUMN currency_code;\nDROP TABLE currencies;\n");
    }

    static Script plans() {
        return new Script("create_plans",
                "CREATE TABLE plans (\n    code text PRIMARY KEY,\n    name text NOT NULL,\n"
                        + "    price_cents integer NOT NULL CHECK (price_cents >= 0),\n    seats integer,\n"
                        + "    active boolean NOT NULL DEFAULT true\n);\n\n"
                        + "INSERT INTO plans (code, name, price_cents, seats) VALUES\n"
                        + "    ('free', 'Free', 0, 3),\n    ('starter', 'Starter', 900, 10),\n"
                        + "    ('team', 'Teams', 2900, 50),\n    ('business', 'Business', 7900, NULL);\n\n"
                        + "ALTER TABLE subscriptions ADD COLUMN plan_code text NOT NULL DEFAULT 'free' REFERENCES plans (code);\n",
                "ALTER TABLE subscriptions DROP COLUMN plan_code;\nDROP TABLE plans;\n");
    }

    /** A data fix on seed rows, with an undo that writes the old values back. */
    static Script renamePlan() {
        return new Script("rename_team_plan",
                "UPDATE plans SET name = 'Team' WHERE code = 'team';\n"
                        + "UPDATE plans SET active = false WHERE code = 'starter';\n",
                "UPDATE plans SET active = true WHERE code = 'starter';\n"
                        + "UPDATE plans SET name = 'Teams' WHERE code = 'team';\n");
    }

    static Script planPrices() {
        return new Script("prices_per_currency",
                "CREATE TABLE plan_prices (\n    plan_code text NOT NULL REFERENCES plans (code) ON DELETE CASCADE,\n"
                        + "    currency_code char(3) NOT NULL REFERENCES currencies (code),\n"
                        + "    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),\n"
                        + "    PRIMARY KEY (plan_code, currency_code)\n);\n\n"
                        + "-- today's prices become the EUR prices\n"
                        + "INSERT INTO plan_prices (plan_code, currency_code, amount_minor)\n"
                        + "SELECT code, 'EUR', price_cents FROM plans;\n",
                "DROP TABLE plan_prices;\n");
    }

    static Script featureFlags() {
        return new Script("create_feature_flags",
                "CREATE TABLE feature_flags (\n    key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),\n"
                        + "    enabled boolean NOT NULL DEFAULT false,\n    rollout_percent smallint NOT NULL DEFAULT 0\n"
                        + "        CHECK (rollout_percent BETWEEN 0 AND 100),\n"
                        + "    updated_at timestamptz NOT NULL DEFAULT now()\n);\n\n"
                        + "INSERT INTO feature_flags (key, enabled, rollout_percent) VALUES\n"
                        + "    ('new_editor', false, 0),\n    ('bulk_export', true, 100);\n\n"
                        + "CREATE TRIGGER feature_flags_set_updated_at\n    BEFORE UPDATE ON feature_flags\n"
                        + "    FOR EACH ROW\n    EXECUTE FUNCTION set_updated_at();\n",
                "DROP TABLE feature_flags;\n");
    }

    static Script flagRollout() {
        return new Script("add_sso_login_flag",
                "-- written as of the release, so that every environment holds the same row\n"
                        + "INSERT INTO feature_flags (key, enabled, rollout_percent, updated_at)\n"
                        + "VALUES ('sso_login', false, 0, '2024-03-04 09:00:00+00');\n",
                "DELETE FROM feature_flags WHERE key = 'sso_login';\n");
    }

    static Script accountSettings() {
        return new Script("create_account_settings",
                "CREATE TABLE account_settings (\n"
                        + "    account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,\n"
                        + "    timezone text NOT NULL DEFAULT 'UTC',\n    week_starts_on smallint NOT NULL DEFAULT 1\n"
                        + "        CHECK (week_starts_on BETWEEN 0 AND 6),\n    settings jsonb NOT NULL DEFAULT '{}'::jsonb\n);\n\n"
                        + "-- every existing account gets its row\n"
                        + "INSERT INTO account_settings (account_id)\nSELECT id FROM accounts\nON CONFLICT DO NOTHING;\n\n"
                        + "CREATE INDEX account_settings_settings_gin ON account_settings USING gin (settings jsonb_path_ops);\n",
                "DROP TABLE account_settings;\n");
    }

    static Script projectCounts() {
        return new Script("materialise_account_project_counts",
                "CREATE MATERIALIZED VIEW account_project_counts AS\n"
                        + "SELECT a.id AS account_id,\n       count(p.id) AS projects\nFROM accounts a\n"
                        + "LEFT JOIN teams t ON t.account_id = a.id\nLEFT JOIN projects p ON p.team_id = t.id\n"
                        + "GROUP BY a.id\nWITH NO DATA;\n\n"
                        + "CREATE UNIQUE INDEX account_project_counts_account_idx ON account_project_counts (account_id);\n",
                "DROP MATERIALIZED VIEW account_project_counts;\n");
    }

    static Script purgeProcedure() {
        return new Script("procedure_purge_audit_log",
                "-- the audit log keeps a year; a nightly job calls this in batches\n"
                        + "CREATE PROCEDURE purge_audit_log(p_before timestamptz, p_batch integer DEFAULT 5000)\n"
                        + "    LANGUAGE plpgsql\n    SET search_path = public\nAS $$\nDECLARE\n    deleted integer;\nBEGIN\n"
                        + "    LOOP\n        DELETE FROM audit_log\n"
                        + "        WHERE id IN (SELECT id FROM audit_log WHERE changed_at < p_before LIMIT p_batch);\n"
                        + "        GET DIAGNOSTICS deleted = ROW_COUNT;\n        EXIT WHEN deleted = 0;\n"
                        + "    END LOOP;\nEND;\n$$;\n",
                "DROP PROCEDURE purge_audit_log(timestamptz, integer);\n");
    }
}
