-- the original spelling is gone: nothing to restore
SELECT 1;
