DROP VIEW milestones_overview;
