CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO customers (email) VALUES ('Li.Na@example.com'), ('wang.fang@example.com'), ('Chen.Jie@Example.com');
