DELETE FROM feature_flags WHERE key = 'sso_login';
