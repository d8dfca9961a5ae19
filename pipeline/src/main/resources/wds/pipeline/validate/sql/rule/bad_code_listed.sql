-- BAD_CODE: a flag or a listed code outside its list (a value with a blank is outside it too).
{{value}} IS NOT NULL AND ({{faults}})
