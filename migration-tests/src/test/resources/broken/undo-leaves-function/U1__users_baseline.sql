-- U1: undo V1 -- BROKEN ON PURPOSE: drops the table, its trigger, constraints and
-- users_id_seq, but forgets DROP FUNCTION touch_updated_at(). V1 creates that function with a
-- plain CREATE FUNCTION, so redoing V1 after this undo fails.

DROP TABLE users;
