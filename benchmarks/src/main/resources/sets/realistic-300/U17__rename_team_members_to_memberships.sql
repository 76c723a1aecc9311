ALTER TABLE memberships RENAME TO team_members;
