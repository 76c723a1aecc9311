DROP VIEW labels_overview;
