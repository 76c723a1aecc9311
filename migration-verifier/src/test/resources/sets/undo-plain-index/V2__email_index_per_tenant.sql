DROP INDEX billing_accounts_email_lower_idx;
CREATE UNIQUE INDEX billing_accounts_tenant_email_lower_idx ON billing_accounts (tenant_id, lower(email));
