CREATE INDEX invoices_tenant_issued_idx ON invoices (tenant_id, issued_on);
