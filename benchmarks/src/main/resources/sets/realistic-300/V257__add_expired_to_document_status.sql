ALTER TYPE document_status ADD VALUE 'expired' AFTER 'confirmed';
