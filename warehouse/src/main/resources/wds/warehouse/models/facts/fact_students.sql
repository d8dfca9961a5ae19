-- Students: one row per person per school year, read on the September snapshot of that year.
with

students as (
    select * from stg_education__students
),

areas as (
    select * from dim_area
),

registered_twice as (
    -- the persons and school years with more than one registration (none in most deliveries)
    select person_key, school_year
    from students
    group by person_key, school_year
    having count(*) > 1
),

ranked as (
    -- a registration alone in its person and school year is ranked first without a window: the
    -- window sorted every registration by its 64-character person key
    select s.*, 1::bigint as record_rank
    from students as s
    anti join registered_twice as t
        on t.person_key is not distinct from s.person_key
        and t.school_year is not distinct from s.school_year
    union all
    select
        s.*,
        -- one person registered twice in a school year (a duplicate registration) counts once:
        -- the record still at school wins, then the higher school type and grade
        row_number() over (
            partition by s.person_key, s.school_year
            order by
                case s.status when 'enrolled' then 1 when 'graduated' then 2 else 3 end,
                case s.school_type
                    when 'senior_vocational' then 4 when 'senior_general' then 3
                    when 'junior' then 2 else 1
                end desc,
                s.grade desc,
                s.school_code
        ) as record_rank
    from students as s
    semi join registered_twice as t
        on t.person_key is not distinct from s.person_key
        and t.school_year is not distinct from s.school_year
),

final as (
    select
        s.person_key,
        s.school_year,
        s.sex_code,
        s.person_birth_date,
        -- the snapshot is taken in September: age on 1 September of the school year
        age_on(s.person_birth_date, make_date(s.school_year, 9, 1)) as age_years,
        make_date(s.school_year, 9, 1) as snapshot_date,
        s.school_year as year,
        s.area_code,
        a.township_code,
        a.urban_rural as residence,
        s.school_code,
        s.school_type,
        s.grade,
        s.status
    from ranked as s
    left join areas as a using (area_code)
    where s.record_rank = 1
)

select * from final
