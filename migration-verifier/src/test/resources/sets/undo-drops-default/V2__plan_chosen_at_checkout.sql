-- the plan is chosen at checkout: no default, and unknown until then
ALTER TABLE billing_accounts ALTER COLUMN plan DROP DEFAULT, ALTER COLUMN plan DROP NOT NULL;
