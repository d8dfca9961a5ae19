-- The source side of a pull's reconciliation: how many rows the pull must read.
SELECT count(*) FROM {{table}} {{where}}
