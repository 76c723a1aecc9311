-- V6: indexes for the billing and history pages.
-- Each page lists one user's rows newest first, so (user_id, created_at) serves both the
-- filter and the sort. request_id becomes unique so that a retried LLM call can never be
-- billed twice. The admin feedback queue filters by status.
-- The tables are live: CONCURRENTLY builds each index without blocking writes (Flyway then runs
-- this script outside a transaction, so it holds nothing but CREATE INDEX CONCURRENTLY).

CREATE INDEX CONCURRENTLY hm_usage_records_user_id_created_at_idx ON hm_usage_records (user_id, created_at);
CREATE UNIQUE INDEX CONCURRENTLY hm_usage_records_request_id_key ON hm_usage_records (request_id);
CREATE INDEX CONCURRENTLY hm_transactions_user_id_created_at_idx ON hm_transactions (user_id, created_at);
CREATE INDEX CONCURRENTLY hm_match_records_user_id_created_at_idx ON hm_match_records (user_id, created_at);
CREATE INDEX CONCURRENTLY hm_feedbacks_status_idx ON hm_feedbacks (status);
