-- Committee members: one row per member per term.
with

source as (
    select * from ods_civil__committee_members
),

final as (
    select
        member_id,
        person_key,
        id_sex as sex_code,
        id_birth_date as person_birth_date,
        committee_area_code as area_code,
        committee_type,
        role,
        term_start,
        term_end
    from source
    where not coalesce(deleted, false)
)

select * from final
