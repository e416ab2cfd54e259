-- How the machine score was built (concept points, adjustments, band cut-offs) and, for spoken
-- answers, the recognised words with the recogniser's confidence. Older attempts keep NULL.
ALTER TABLE attempt ADD COLUMN breakdown JSONB;
ALTER TABLE attempt ADD COLUMN words JSONB;
