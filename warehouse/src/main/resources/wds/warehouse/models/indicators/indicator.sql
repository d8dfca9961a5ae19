-- The indicator catalogue of the plan: one row per indicator, filled by the engine.
create or replace table indicator (
    code varchar not null,
    domain varchar,
    name_zh varchar,
    name_en varchar,
    unit varchar,
    factor double,
    target_op varchar,
    target double,
    tolerance double,
    basis varchar,
    by_sex boolean,
    numerator_definition varchar,
    denominator_definition varchar,
    plan_item varchar,
    plan_code varchar
)
