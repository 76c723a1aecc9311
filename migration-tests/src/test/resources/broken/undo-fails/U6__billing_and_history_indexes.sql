-- U6: undo V6 exactly: drop the five indexes it created, and nothing else.

DROP INDEX hm_feedbacks_status_idx;
DROP INDEX hm_match_records_user_id_created_at_idx;
DROP INDEX hm_transactions_user_id_created_at_idx;
DROP INDEX hm_usage_records_request_id_key;
DROP INDEX hm_usage_records_user_id_created_at_idx;
