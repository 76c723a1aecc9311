UPDATE plans SET name = 'Team' WHERE code = 'team';
UPDATE plans SET active = false WHERE code = 'starter';
