-- DUPLICATE_KEY: every row whose key repeats in the file with different content. Nothing in a file
-- orders its rows, so none of them can win. Identical repeats are no fault and are not listed.
CREATE OR REPLACE TEMP TABLE {{conflicts}} AS
WITH repeated AS (
  SELECT {{key}} FROM {{staging}} GROUP BY {{key}} HAVING count(*) > 1
),
conflicting AS (
  SELECT {{key}}
  FROM {{staging}} JOIN repeated USING ({{key}})
  GROUP BY {{key}}
  HAVING count(DISTINCT ROW({{content}})) > 1
)
SELECT s._line, {{key_as_text}}
FROM {{staging}} s JOIN conflicting USING ({{key}});
