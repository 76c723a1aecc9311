DROP VIEW labels_active;
