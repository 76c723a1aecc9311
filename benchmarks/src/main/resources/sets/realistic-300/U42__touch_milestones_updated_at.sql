DROP TRIGGER milestones_set_updated_at ON milestones;
