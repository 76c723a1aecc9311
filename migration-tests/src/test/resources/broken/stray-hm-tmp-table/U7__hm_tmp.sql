-- U7: undo V7 exactly: the table and its identity sequence.

DROP TABLE hm_tmp;
