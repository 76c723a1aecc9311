DROP TRIGGER memberships_audit ON memberships;
