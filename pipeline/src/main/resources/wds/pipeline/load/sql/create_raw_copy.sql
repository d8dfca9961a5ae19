-- As create_raw_direct, from the copy of the file the byte-level pass wrote without its header,
-- its blank lines and the records it set aside (parameter: the copy's path).
CREATE OR REPLACE TEMP TABLE {{raw_direct}} AS
SELECT * FROM read_csv(?, columns = {{direct_columns}}, header = false,
  auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\n',
  allow_quoted_nulls = false, strict_mode = true, max_line_size = 67108864);
