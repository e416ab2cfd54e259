-- When an admin changes an account's role, tokens issued before then stop working (the role inside
-- them is out of date): the holder signs in again and gets a token with the new role.
ALTER TABLE app_user ADD COLUMN tokens_valid_after TIMESTAMPTZ;
