ALTER TABLE tenants ADD COLUMN seat_limit integer NOT NULL DEFAULT 5 CHECK (seat_limit > 0);
