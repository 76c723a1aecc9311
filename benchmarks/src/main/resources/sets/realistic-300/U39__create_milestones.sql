DROP TABLE milestones;
