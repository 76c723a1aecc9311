CREATE TABLE tenants (
    code text PRIMARY KEY CHECK (code ~ '^[a-z]+$')
);
