CREATE TABLE accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    referral_code text UNIQUE
);

INSERT INTO accounts (email) VALUES ('li.na@example.com'), ('wang.fang@example.com');
