CREATE TABLE plans (
    id        int PRIMARY KEY,
    name      text NOT NULL,
    seats_max int NOT NULL DEFAULT #[plan_limit]
);
