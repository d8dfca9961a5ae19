-- BAD_CODE: a code, flag, area or key holding a blank, or outside its list.
{{value}} IS NOT NULL AND (wds_has_blank({{value}}) OR {{faults}})
