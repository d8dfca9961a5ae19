-- Indicator values: one row per indicator, year, area, residence and sex, filled by the engine.
create or replace table indicator_value (
    indicator_code varchar not null,
    year integer not null,
    area_code varchar not null,
    residence varchar not null,
    sex varchar not null,
    numerator double,
    denominator double,
    value double,
    ci_low double,
    ci_high double,
    target_op varchar,
    target double,
    status varchar not null,
    basis varchar not null,
    provisional boolean not null
)
