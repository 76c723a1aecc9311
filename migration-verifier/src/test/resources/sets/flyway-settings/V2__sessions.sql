CREATE TABLE ${table_prefix}sessions (
    id         uuid PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES ${table_prefix}accounts (id),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '${session_days} days'
);
