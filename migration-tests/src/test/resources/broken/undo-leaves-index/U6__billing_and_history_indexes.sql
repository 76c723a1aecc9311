-- U6: undo V6 -- BROKEN ON PURPOSE: drops only four of the five indexes V6 created;
-- hm_feedbacks_status_idx is forgotten.

DROP INDEX hm_match_records_user_id_created_at_idx;
DROP INDEX hm_transactions_user_id_created_at_idx;
DROP INDEX hm_usage_records_request_id_key;
DROP INDEX hm_usage_records_user_id_created_at_idx;
