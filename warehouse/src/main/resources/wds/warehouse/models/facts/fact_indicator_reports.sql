-- Department returns: one row per indicator, year, area and sex, the latest return winning.
with

returns as (
    select * from stg_reports__indicator_reports
),

areas as (
    select * from dim_area
),

ranked as (
    select
        *,
        -- two departments returning the same cell: the most recently updated return stands
        row_number() over (
            partition by indicator_code, year, area_code, sex_code
            order by updated_at desc, department
        ) as return_rank
    from returns
),

final as (
    select
        r.indicator_code,
        r.year,
        r.area_code,
        a.area_level,
        r.sex_code,
        r.department,
        r.numerator,
        r.denominator,
        r.value,
        r.note
    from ranked as r
    left join areas as a using (area_code)
    where r.return_rank = 1
)

select * from final
