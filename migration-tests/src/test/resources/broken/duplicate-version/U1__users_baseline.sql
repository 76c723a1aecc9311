-- U1: undo V1 exactly.
-- Dropping the table also drops its trigger, its constraints and indexes, and the
-- users_id_seq sequence owned by the bigserial column. The trigger function is a separate
-- object and must be dropped explicitly, after the trigger that uses it is gone.

DROP TABLE users;
DROP FUNCTION touch_updated_at();
