-- A code outside the list of its schema.
{{value}} NOT IN ({{codes}})
