-- U3: undo V3 exactly: the table, its identity sequence, keys and check go together.

DROP TABLE hm_match_records;
