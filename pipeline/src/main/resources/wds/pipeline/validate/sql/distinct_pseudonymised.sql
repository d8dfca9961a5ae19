-- The distinct values of one file that the pseudonymiser keys (identity numbers or pseudonymised
-- text), for Java to key once each: written to a file (path as literal: COPY takes no parameter).
COPY (SELECT DISTINCT v FROM ({{values}}) WHERE v IS NOT NULL) TO {{file}} (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', FORCE_QUOTE *);
