-- A code that is not in a list kept in a table (the indicator catalogue).
{{value}} NOT IN (SELECT code FROM {{codes}})
