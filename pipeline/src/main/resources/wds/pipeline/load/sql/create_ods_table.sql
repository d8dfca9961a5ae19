-- The operational-layer table of one extract (schemas/README.md): typed columns, the extract's key.
-- The key is kept unique by the loader, not by a PRIMARY KEY constraint: staging holds each key
-- once (DUPLICATE_KEY, keep_first_of_repeats.sql) and insert_new.sql adds only keys the table lacks.
-- Maintaining DuckDB's ART index of the constraint cost more than half of merging a first delivery
-- (921k rows: 1.5 s of 2.4 s), and no query of the warehouse needs it.
CREATE TABLE IF NOT EXISTS {{table}} (
  {{column_definitions}}
);
