CREATE TABLE subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX subscriptions_account_id_idx ON subscriptions (account_id);

-- the demo workspace every new installation starts with
INSERT INTO subscriptions (account_id, name) VALUES
    (1, 'Demo subscription 1'),
    (2, 'Demo subscription 2'),
    (3, 'Demo subscription 3');

COMMENT ON TABLE subscriptions IS 'Subscriptions; each belongs to one account.';
