-- The data years of this build.
select first_year, last_year, provisional_from_year from build_context
