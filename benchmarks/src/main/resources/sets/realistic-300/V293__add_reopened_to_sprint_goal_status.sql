ALTER TYPE sprint_goal_status ADD VALUE 'reopened' AFTER 'in_review';
