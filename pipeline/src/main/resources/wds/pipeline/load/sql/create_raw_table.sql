-- The raw table of one file or pull: every well-formed record as delivered, all VARCHAR, with its
-- physical line (_line) and one column per header position (c1, c2, ...). Read by DuckDB from a
-- UTF-8 CSV file (parameter: its path) on every core; nothing is typed or trimmed here.
CREATE OR REPLACE TEMP TABLE {{raw}} AS
SELECT * FROM read_csv(?, columns = {{raw_columns}}, header = false, auto_detect = false,
  delim = ',', quote = '"', escape = '"', new_line = '\n', allow_quoted_nulls = false,
  strict_mode = true, max_line_size = 67108864);
