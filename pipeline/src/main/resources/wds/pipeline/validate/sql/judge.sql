-- One row per raw record of one file or pull: its typed warehouse row (in the staging table's
-- column order), its line, and the first rule of sources.md it breaks (_rule, an index into the
-- validator's rule list; null for a valid row). Identity numbers and pseudonymised text are joined
-- to their keys, computed once per distinct value.
CREATE OR REPLACE TEMP TABLE {{judged}} AS
WITH delivered AS (
  SELECT _line, {{values}} FROM {{raw}}
)
SELECT {{typed}}, delivered._line AS _line, CASE {{rules}} END AS _rule
FROM delivered CROSS JOIN {{context}} ctx {{joins}};
