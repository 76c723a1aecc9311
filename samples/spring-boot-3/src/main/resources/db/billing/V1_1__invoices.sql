-- Version 1.1: the currency default is the deployment's (placeholder default_currency)
CREATE TYPE invoice_status AS ENUM ('draft', 'issued', 'paid');

CREATE TABLE invoice (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    amount_cents bigint         NOT NULL CHECK (amount_cents >= 0),
    currency     char(3)        NOT NULL DEFAULT '${default_currency}',
    status       invoice_status NOT NULL DEFAULT 'draft'
);
