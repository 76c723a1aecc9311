-- forgets customers_created_at_idx: the redo's CREATE INDEX then fails, and the stairway rebuilds V2
DROP TABLE orders;
