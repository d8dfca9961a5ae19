-- SEX_CONFLICT: a stated sex 1 or 2 that differs from the sex its identity number encodes.
{{value}} IN ('1', '2') AND {{id_sex}} IS NOT NULL AND {{value}} <> {{id_sex}}
