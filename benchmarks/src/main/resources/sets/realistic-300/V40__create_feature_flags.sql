CREATE TABLE feature_flags (
    key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    enabled boolean NOT NULL DEFAULT false,
    rollout_percent smallint NOT NULL DEFAULT 0
        CHECK (rollout_percent BETWEEN 0 AND 100),
    updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO feature_flags (key, enabled, rollout_percent) VALUES
    ('new_editor', false, 0),
    ('bulk_export', true, 100);

CREATE TRIGGER feature_flags_set_updated_at
    BEFORE UPDATE ON feature_flags
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
