CREATE TABLE account_settings (
    account_id bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    timezone text NOT NULL DEFAULT 'UTC',
    week_starts_on smallint NOT NULL DEFAULT 1
        CHECK (week_starts_on BETWEEN 0 AND 6),
    settings jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- every existing account gets its row
INSERT INTO account_settings (account_id)
SELECT id FROM accounts
ON CONFLICT DO NOTHING;

CREATE INDEX account_settings_settings_gin ON account_settings USING gin (settings jsonb_path_ops);
