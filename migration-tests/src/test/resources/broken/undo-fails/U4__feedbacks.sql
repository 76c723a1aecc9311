-- U4: undo V4 exactly.
-- Dropping the table drops its trigger and identity sequence; touch_updated_at() belongs to V1
-- and stays (users still uses it).

DROP TABLE hm_feedbacks;
