CREATE TYPE tenant_plan AS ENUM ('free', 'team', 'enterprise');
ALTER TABLE tenants ADD COLUMN plan tenant_plan NOT NULL DEFAULT 'free';
