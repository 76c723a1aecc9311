-- Billing: accounts per tenant and their invoices.
CREATE TABLE billing_accounts (
    id         serial PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    email      text NOT NULL,
    plan       text NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT billing_accounts_tenant_email_key UNIQUE (tenant_id, email)
);

CREATE UNIQUE INDEX billing_accounts_email_lower_idx ON billing_accounts (lower(email));

CREATE TABLE invoices (
    id          serial PRIMARY KEY,
    account_id  integer NOT NULL REFERENCES billing_accounts (id),
    number      text NOT NULL,
    total_cents bigint NOT NULL,
    CONSTRAINT invoices_total_check CHECK (total_cents >= 0)
);

CREATE FUNCTION invoice_label(i invoices) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT i.number || ' / ' || i.total_cents $$;
