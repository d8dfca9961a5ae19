-- A flag other than Y or N.
{{value}} NOT IN ('Y', 'N')
