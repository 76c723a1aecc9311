CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(200) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- the demo workspace every new installation starts with
INSERT INTO accounts (name) VALUES
    ('Demo account 1'),
    ('Demo account 2'),
    ('Demo account 3');

COMMENT ON TABLE accounts IS 'Top-level account records.';
