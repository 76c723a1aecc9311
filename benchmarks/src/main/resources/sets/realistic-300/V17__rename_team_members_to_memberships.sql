-- the product calls them memberships now
ALTER TABLE team_members RENAME TO memberships;
