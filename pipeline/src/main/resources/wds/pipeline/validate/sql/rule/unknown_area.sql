-- UNKNOWN_AREA: an area code absent from the areas extract.
{{value}} IS NOT NULL AND {{value}} NOT IN (SELECT code FROM {{areas}})
