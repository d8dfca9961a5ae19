-- The raw table of one file or pull: every well-formed record as delivered with its physical line.
-- A row DuckDB read from the file has the line of its ordinal (rowid) plus the shift the
-- byte-level pass found from that ordinal on (records with line breaks inside quotes, blank
-- lines and set-aside records move the lines of later ones).
CREATE OR REPLACE TEMP TABLE {{shifts}} (ordinal BIGINT NOT NULL, shift BIGINT NOT NULL);
CREATE OR REPLACE TEMP VIEW {{raw}} AS
SELECT d.rowid + s.shift AS _line, d.*
FROM {{raw_direct}} d ASOF JOIN {{shifts}} s ON d.rowid >= s.ordinal
UNION ALL
SELECT * FROM {{raw_java}};
