-- V6: indexes for the billing and history pages.
-- Each page lists one user's rows newest first, so (user_id, created_at) serves both the
-- filter and the sort. request_id becomes unique so that a retried LLM call can never be
-- billed twice. The admin feedback queue filters by status.

CREATE INDEX hm_usage_records_user_id_created_at_idx ON hm_usage_records (user_id, created_at);
CREATE UNIQUE INDEX hm_usage_records_request_id_key ON hm_usage_records (request_id);
CREATE INDEX hm_transactions_user_id_created_at_idx ON hm_transactions (user_id, created_at);
CREATE INDEX hm_match_records_user_id_created_at_idx ON hm_match_records (user_id, created_at);
CREATE INDEX hm_feedbacks_status_idx ON hm_feedbacks (status);
