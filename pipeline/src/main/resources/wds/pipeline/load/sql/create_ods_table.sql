-- The operational-layer table of one extract (schemas/README.md): typed columns, the extract's key.
CREATE TABLE IF NOT EXISTS {{table}} (
  {{column_definitions}},
  PRIMARY KEY ({{key}})
);
