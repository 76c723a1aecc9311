CREATE TABLE items (id int);
-- leaves the session without a search path: the redo must start as Flyway starts a migration
SELECT pg_catalog.set_config('search_path', '', false);
