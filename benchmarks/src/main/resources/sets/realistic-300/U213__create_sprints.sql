DROP TABLE sprints;
