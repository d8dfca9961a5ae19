-- MISSING_REQUIRED: an empty value of a column required unless another holds one of some values.
{{value}} IS NULL AND NOT ({{exemptions}})
