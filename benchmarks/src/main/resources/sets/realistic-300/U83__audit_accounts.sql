DROP TRIGGER accounts_audit ON accounts;
