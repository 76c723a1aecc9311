CREATE TABLE teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX teams_account_id_idx ON teams (account_id);

-- the demo workspace every new installation starts with
INSERT INTO teams (account_id, name) VALUES
    (1, 'Demo team 1'),
    (2, 'Demo team 2'),
    (3, 'Demo team 3');

COMMENT ON TABLE teams IS 'Teams; each belongs to one account.';
