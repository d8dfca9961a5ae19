-- The values of one column to key.
SELECT {{column}} AS v FROM {{raw}}
