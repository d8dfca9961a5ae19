-- One pull of an extract from a source database: the extract's columns of the rows changed at or
-- after the high-water mark, oldest first (the key breaks ties, so line numbers are repeatable).
-- Placeholders are quoted identifiers filled in by JdbcRecordReader; the mark is a bound value.
SELECT {{columns}} FROM {{table}} {{where}} ORDER BY {{order}}
