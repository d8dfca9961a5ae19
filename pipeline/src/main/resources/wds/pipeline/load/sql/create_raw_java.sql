-- The records a Java reader decoded (a GB18030 file, an xlsx sheet, a JDBC pull, or the records
-- of a UTF-8 file its byte-level pass set aside), as delivered: _line, then c1, c2, ... all
-- VARCHAR, read from the UTF-8 CSV file RawCsvWriter wrote (parameter: its path).
CREATE OR REPLACE TEMP TABLE {{raw_java}} AS
SELECT * FROM read_csv(?, columns = {{java_columns}}, header = false, auto_detect = false,
  delim = ',', quote = '"', escape = '"', new_line = '\n', allow_quoted_nulls = false,
  strict_mode = true, max_line_size = 67108864);
