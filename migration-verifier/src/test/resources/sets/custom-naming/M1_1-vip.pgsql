ALTER TABLE customers ADD COLUMN vip boolean NOT NULL DEFAULT false;
