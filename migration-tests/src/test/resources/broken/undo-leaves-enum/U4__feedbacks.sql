-- U4: undo V4 -- BROKEN ON PURPOSE: drops the table (and with it its trigger and identity
-- sequence) but forgets DROP TYPE feedback_status, which V4 created for the status column.
-- touch_updated_at() belongs to V1 and correctly stays.

DROP TABLE hm_feedbacks;
