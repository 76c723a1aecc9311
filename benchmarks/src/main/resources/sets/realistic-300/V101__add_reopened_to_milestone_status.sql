ALTER TYPE milestone_status ADD VALUE 'reopened' AFTER 'in_review';
