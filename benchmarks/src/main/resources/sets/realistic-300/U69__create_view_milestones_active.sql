DROP VIEW milestones_active;
