DROP VIEW memberships_active;
