-- A source-system stand-in table of one extract: the schema's columns typed, its key, and an
-- index on updated_at for the incremental pulls.
CREATE TABLE IF NOT EXISTS {{table}} ({{columns}}, PRIMARY KEY ({{key}}))
