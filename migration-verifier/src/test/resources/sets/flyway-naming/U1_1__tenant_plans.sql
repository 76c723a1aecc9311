ALTER TABLE tenants DROP COLUMN plan;
DROP TYPE tenant_plan;
