-- The records of a delivered UTF-8 CSV file as delivered, read by DuckDB from the file itself
-- (parameter: its path; its one header line skipped), all VARCHAR, in file order: with
-- preserve_insertion_order on, a row's rowid is its ordinal among the file's records.
-- new_line '\r\n' reads LF and CR LF line ends alike; strict_mode is off because DuckDB's strict
-- reader refuses that setting: every record it reads was checked by the pre-scan (field count,
-- quoting, bytes), so nothing is left for strict mode to find.
CREATE OR REPLACE TEMP TABLE {{raw_direct}} AS
SELECT * FROM read_csv(?, columns = {{direct_columns}}, header = false, skip = 1,
  auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\r\n',
  allow_quoted_nulls = false, strict_mode = false, max_line_size = 67108864);
