-- A row at fault: a value that looks like a resident identity number (18 characters with a birth
-- date, or a legacy 15 digits), alone or embedded, which must never reach the warehouse:
-- person_key only.
-- A pseudonym (64 lower-case hex digits: a person key, a pseudonymised number) is a hash, not a
-- number: about one key in 500,000 holds a run of 18 decimal digits shaped like a birth date
-- between two hex letters by chance, and the default county has ~200,000 of them.
-- Both patterns need at least 15 ASCII digits, 15 bytes, and only a value of 64 bytes can be a
-- pseudonym: the byte lengths, read without scanning the text, spare the regular expressions every
-- shorter value and the pseudonym test every other length (the same rows; NIGHTLY-SPEED.md).
-- A case, not a conjunction: counted beside other conditions (conditions.sql), a conjunction is
-- evaluated whole for every row, and unhex then fails, inside try, on every value that is not hex
-- (the gates took minutes so); the branches of a case are evaluated only for the rows that reach
-- them (NIGHTLY-SPEED.md, branch gates-fast).
case
    when strlen({{column}}) < 15 then false
    when strlen({{column}}) = 64
        and {{column}} = lower({{column}})
        and try(unhex({{column}})) is not null then false
    else regexp_matches(
        {{column}},
        '((^|[^0-9])[0-9]{6}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]([^0-9]|$))|(^[0-9]{6}[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}$)'
    )
end
