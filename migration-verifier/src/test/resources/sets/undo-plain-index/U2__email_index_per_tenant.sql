-- recreates V1's index under its name, but on the column instead of lower(email)
DROP INDEX billing_accounts_tenant_email_lower_idx;
CREATE UNIQUE INDEX billing_accounts_email_lower_idx ON billing_accounts (email);
