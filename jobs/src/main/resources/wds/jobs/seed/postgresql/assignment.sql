{{column}} = EXCLUDED.{{column}}
