-- fails unless the stairway's sessions carry the lock and statement timeouts the test configures
DO $$
BEGIN
  IF current_setting('lock_timeout') <> '2s' OR current_setting('statement_timeout') <> '3min' THEN
    RAISE EXCEPTION 'lock_timeout is %, statement_timeout is %',
      current_setting('lock_timeout'), current_setting('statement_timeout');
  END IF;
END $$;
CREATE TABLE reminders (id bigint PRIMARY KEY, due_at timestamptz NOT NULL);
