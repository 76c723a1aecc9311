CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_account_id_idx ON users (account_id);

-- the demo workspace every new installation starts with
INSERT INTO users (account_id, name) VALUES
    (1, 'Demo user 1'),
    (2, 'Demo user 2'),
    (3, 'Demo user 3');

COMMENT ON TABLE users IS 'Users; each belongs to one account.';
