-- A role for the reporting service, created once per server (roles belong to the whole server).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'vs_reporting') THEN
        CREATE ROLE vs_reporting NOLOGIN;
    END IF;
END
$$;

CREATE TABLE invoices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    total      numeric(12, 2) NOT NULL CHECK (total >= 0),
    issued_at  timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT ON invoices TO vs_reporting;
