DROP TRIGGER subscriptions_audit ON subscriptions;
