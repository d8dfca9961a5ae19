-- Rows with a value outside the accepted list (bound as a JSON array).
select count(*) from {{model}}
where {{column}} is not null
    and not list_contains(from_json(?, '["VARCHAR"]'), {{column}}::varchar)
