-- A row at fault: a value outside the accepted list (bound as a JSON array).
{{column}} is not null
    and not list_contains(from_json(?, '["VARCHAR"]'), {{column}}::varchar)
