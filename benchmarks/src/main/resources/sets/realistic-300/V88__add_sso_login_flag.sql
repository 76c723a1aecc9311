-- written as of the release, so that every environment holds the same row
INSERT INTO feature_flags (key, enabled, rollout_percent, updated_at)
VALUES ('sso_login', false, 0, '2024-03-04 09:00:00+00');
