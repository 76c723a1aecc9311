CREATE TABLE plans (
    id      serial PRIMARY KEY,
    code    text    NOT NULL UNIQUE,
    retired boolean NOT NULL DEFAULT false
);

INSERT INTO plans (code, retired) VALUES
    ('free', false), ('pro', false), ('legacy-basic', true), ('legacy-plus', true);
