CREATE TABLE currencies (
    code char(3) PRIMARY KEY,
    minor_units smallint NOT NULL DEFAULT 2
        CHECK (minor_units BETWEEN 0 AND 4),
    symbol text NOT NULL
);

INSERT INTO currencies (code, minor_units, symbol) VALUES
    ('CHF', 2, 'CHF'), ('DKK', 2, 'kr'), ('EUR', 2, '€'), ('GBP', 2, '£'),
    ('JPY', 0, '¥'), ('NOK', 2, 'kr'), ('SEK', 2, 'kr'), ('USD', 2, '$');

ALTER TABLE accounts ADD COLUMN currency_code char(3) NOT NULL DEFAULT 'EUR'
    REFERENCES currencies (code);
