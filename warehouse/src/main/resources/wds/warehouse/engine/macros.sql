-- Completed years of age on a day, as wds.pipeline.person.Age reads it: someone born on
-- 29 February turns a year older on 1 March in common years (DuckDB's datesub counts 28 February).
create or replace temp macro age_on(born, on_day) as
    (year(on_day) - year(born)
        - case
            when month(on_day) * 100 + day(on_day) < month(born) * 100 + day(born) then 1
            else 0
        end)::integer
