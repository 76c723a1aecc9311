UPDATE plans SET active = true WHERE code = 'starter';
UPDATE plans SET name = 'Teams' WHERE code = 'team';
