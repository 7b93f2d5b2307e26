-- The segment rule, written once. A segment given in an extract counts when, normalised (lower case, '-' and ' '
-- as '_'), it names a segment of the capacity model file; otherwise the ARR band the account's ARR falls in decides.
create or replace macro segment_name(given) as
    nullif(replace(replace(lower(trim(given)), '-', '_'), ' ', '_'), '');

create or replace macro account_segment(given, arr) as
    coalesce(
        (select named.name from model_segment as named where named.name = segment_name(given)),
        (
            select band.name
            from model_segment as band
            where arr >= coalesce(band.min_arr, '-infinity'::double)
                and arr < coalesce(band.max_arr, 'infinity'::double)
            order by band.name
            limit 1
        )
    );
