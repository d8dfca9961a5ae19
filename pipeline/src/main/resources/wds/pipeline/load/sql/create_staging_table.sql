-- Validated rows of one file or pull before they are merged; _line points back to the raw record.
-- A temporary table: a crash or a refusal leaves nothing behind in the work database.
CREATE OR REPLACE TEMP TABLE {{staging}} (
  {{row_column_definitions}},
  _line BIGINT NOT NULL
);
