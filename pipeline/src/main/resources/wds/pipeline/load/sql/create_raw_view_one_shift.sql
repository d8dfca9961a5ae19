-- The raw table of one file or pull when every row DuckDB read has the same shift (no line break
-- inside quotes, nothing set aside: the usual file): a row's line is its ordinal (rowid) plus that
-- shift, with no join. The same lines as create_raw_view.sql's ASOF join with one shift, which
-- cost 0.2-0.3 s per read of a 921,000-row file. The shifts table is made too, empty, so the drop
-- is the same.
CREATE OR REPLACE TEMP TABLE {{shifts}} (ordinal BIGINT NOT NULL, shift BIGINT NOT NULL);
CREATE OR REPLACE TEMP VIEW {{raw}} AS
SELECT d.rowid + {{shift}} AS _line, d.*
FROM {{raw_direct}} d
UNION ALL
SELECT * FROM {{raw_java}};
