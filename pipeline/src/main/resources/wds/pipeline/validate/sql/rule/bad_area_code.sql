-- BAD_CODE: an area code holding a blank (the known codes are 12 digits: only an unknown one can).
{{value}} IS NOT NULL AND {{value}} NOT IN (SELECT code FROM {{areas}}) AND wds_has_blank({{value}})
