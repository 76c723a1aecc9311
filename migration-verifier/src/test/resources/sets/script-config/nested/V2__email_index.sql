-- Built without locking the table; Flyway would refuse the mix of statements inside one transaction,
-- so V2__email_index.sql.conf runs the script outside one.
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
COMMENT ON INDEX accounts_email_idx IS 'log-in by e-mail';
