CREATE TABLE wallets (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner   text          NOT NULL UNIQUE,
    balance numeric(12,2) NOT NULL
);

INSERT INTO wallets (owner, balance) VALUES ('li.na', 120.00), ('wang.fang', 7.50);
