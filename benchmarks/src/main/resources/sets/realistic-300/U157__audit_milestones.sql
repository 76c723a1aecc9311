DROP TRIGGER milestones_audit ON milestones;
