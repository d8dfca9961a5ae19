-- Sex by GB/T 2261.1: one row per code.
with

codes as (
    select * from (
        values
            ('0', '未知的性别', 'not known', 3),
            ('1', '男', 'male', 2),
            ('2', '女', 'female', 1),
            ('9', '未说明的性别', 'not stated', 4)
    ) as t(sex_code, sex_name_zh, sex_name_en, sort_order)
),

final as (
    select sex_code, sex_name_zh, sex_name_en, sort_order::integer as sort_order from codes
)

select * from final
