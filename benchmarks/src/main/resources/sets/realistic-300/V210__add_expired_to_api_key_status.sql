ALTER TYPE api_key_status ADD VALUE 'expired' AFTER 'confirmed';
