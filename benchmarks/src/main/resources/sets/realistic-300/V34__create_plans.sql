CREATE TABLE plans (
    code text PRIMARY KEY,
    name text NOT NULL,
    price_cents integer NOT NULL CHECK (price_cents >= 0),
    seats integer,
    active boolean NOT NULL DEFAULT true
);

INSERT INTO plans (code, name, price_cents, seats) VALUES
    ('free', 'Free', 0, 3),
    ('starter', 'Starter', 900, 10),
    ('team', 'Teams', 2900, 50),
    ('business', 'Business', 7900, NULL);

ALTER TABLE subscriptions ADD COLUMN plan_code text NOT NULL DEFAULT 'free' REFERENCES plans (code);
