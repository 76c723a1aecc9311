-- U1: undo V1 exactly: "order" first (it references "user"); each table takes its identity
-- sequence, keys and checks with it.

DROP TABLE "order";
DROP TABLE "user";
