${column} = EXCLUDED.${column}
