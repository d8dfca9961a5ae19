-- MISSING_REQUIRED: an empty value of a required column.
{{value}} IS NULL
