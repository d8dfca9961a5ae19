-- A comment line; it holds a ; that is no statement end.
CREATE TABLE {{table}} (id INTEGER);
  -- an indented comment
INSERT INTO {{ table }} SELECT ? WHERE 'a;b' <> ?;
