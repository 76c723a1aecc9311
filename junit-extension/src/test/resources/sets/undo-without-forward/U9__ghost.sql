DROP TABLE ghost;
