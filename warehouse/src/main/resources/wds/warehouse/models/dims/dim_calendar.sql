-- The calendar: one row per day from 1949 to the end of the plan or data years.
with

context as (
    select * from build_context
),

days as (
    select unnest(range(
        date '1949-01-01',
        make_date(greatest(c.last_year, c.final_year) + 1, 1, 1),
        interval 1 day
    ))::date as date_day
    from context as c
),

final as (
    select
        d.date_day,
        year(d.date_day)::integer as year,
        quarter(d.date_day)::integer as quarter,
        month(d.date_day)::integer as month,
        day(d.date_day)::integer as day_of_month,
        isodow(d.date_day)::integer as iso_day_of_week,
        month(d.date_day) = 12 and day(d.date_day) = 31 as is_year_end,
        -- the school year starts with the September snapshot
        (case when month(d.date_day) >= 9 then year(d.date_day) else year(d.date_day) - 1 end)::integer
            as school_year,
        case
            when year(d.date_day) < c.baseline_year then 'before'
            when year(d.date_day) = c.baseline_year then 'baseline'
            when year(d.date_day) <= c.final_year then 'plan'
            else 'after'
        end as plan_phase,
        year(d.date_day) = c.mid_term_year as is_mid_term_year,
        year(d.date_day) = c.final_year as is_final_year
    from days as d
    cross join context as c
)

select * from final
