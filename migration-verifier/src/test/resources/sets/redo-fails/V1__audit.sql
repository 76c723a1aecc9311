CREATE SCHEMA audit;
CREATE TABLE audit.log (id int);
CREATE TABLE entries (id int PRIMARY KEY);
