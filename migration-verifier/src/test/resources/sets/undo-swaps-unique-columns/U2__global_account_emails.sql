-- the same constraint name, but its columns in another order (and so another index)
ALTER TABLE billing_accounts DROP CONSTRAINT billing_accounts_email_key;
ALTER TABLE billing_accounts ADD CONSTRAINT billing_accounts_tenant_email_key UNIQUE (email, tenant_id);
