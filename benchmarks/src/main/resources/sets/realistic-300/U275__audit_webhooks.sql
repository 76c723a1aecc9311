DROP TRIGGER webhooks_audit ON webhooks;
