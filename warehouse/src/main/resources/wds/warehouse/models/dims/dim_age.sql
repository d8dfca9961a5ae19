-- Single years of age 0-100 (100 = 100 and over) with 5-year groups and the plan's life stages.
with

ages as (
    select unnest(range(0, 101))::integer as age_years
),

final as (
    select
        age_years,
        case
            when age_years >= 100 then '100+'
            else lpad((age_years // 5 * 5)::varchar, 2, '0') || '-'
                || lpad((age_years // 5 * 5 + 4)::varchar, 2, '0')
        end as age_group,
        (age_years // 5)::integer as age_group_order,
        age_years between 0 and 14 as is_child,
        age_years between 15 and 49 as is_childbearing_age,
        age_years between 35 and 64 as is_screening_age,
        age_years >= 60 as is_older
    from ages
)

select * from final
