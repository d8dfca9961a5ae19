-- Values that look like a resident identity number (18 characters with a birth date, or a legacy
-- 15 digits), alone or embedded, which must never reach the warehouse: person_key only.
select count(*) from {{model}}
where regexp_matches(
        {{column}},
        '(^|[^0-9])[0-9]{6}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]([^0-9]|$)'
    )
    or regexp_matches({{column}}, '^[0-9]{6}[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}$')
