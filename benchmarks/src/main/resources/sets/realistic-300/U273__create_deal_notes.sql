DROP TABLE deal_notes;
