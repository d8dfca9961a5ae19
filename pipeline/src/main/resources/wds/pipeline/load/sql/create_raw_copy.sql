-- As create_raw_direct, from the copy of the file the byte-level pass wrote without its header,
-- its blank lines and the records it set aside (parameter: the copy's path).
-- new_line '\r\n' reads LF and CR LF line ends alike; strict_mode is off because DuckDB's strict
-- reader refuses that setting: every record it reads was checked by the pre-scan (field count,
-- quoting, bytes), so nothing is left for strict mode to find.
CREATE OR REPLACE TEMP TABLE {{raw_direct}} AS
SELECT * FROM read_csv(?, columns = {{direct_columns}}, header = false,
  auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\r\n',
  allow_quoted_nulls = false, strict_mode = false, max_line_size = 67108864);
