-- U2: undo V2 exactly: the view, the partial index, then the table and its sequence.

DROP VIEW live_user;
DROP INDEX user_email_live_key;
DROP TABLE "CamelCase";
