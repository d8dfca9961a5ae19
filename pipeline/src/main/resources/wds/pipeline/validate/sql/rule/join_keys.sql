-- The keys of one identity-number or pseudonymised column, by its value.
LEFT JOIN {{table}} {{alias}} ON {{alias}}.value = delivered.{{column}}
