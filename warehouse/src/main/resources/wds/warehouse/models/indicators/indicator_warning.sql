-- Early warnings: one row per indicator, year, area, residence, sex and kind, filled by the engine.
create or replace table indicator_warning (
    indicator_code varchar not null,
    year integer not null,
    area_code varchar not null,
    residence varchar not null,
    sex varchar not null,
    kind varchar not null,
    message varchar not null,
    value double,
    ci_low double,
    ci_high double,
    target_op varchar,
    target double,
    baseline_value double,
    previous_value double,
    projected_value double,
    pooled_numerator double,
    pooled_denominator double,
    pooled_value double
)
