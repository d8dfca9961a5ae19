package wds.pipeline.load;

/**
 * Where the time of staging one file or pull went (for {@code wds benchmark-load} and tuning).
 *
 * @param source the source system
 * @param extract the extract
 * @param origin the file or table
 * @param rows records read
 * @param readingSeconds wall time from the start until the last validating thread was done:
 *     reading, validating, pseudonymising, quarantining and writing the staging files (on several
 *     threads, overlapped with DuckDB loading the files already written)
 * @param duckdbSeconds DuckDB loading the staging files into the staging table
 * @param duplicatesSeconds finding DUPLICATE_KEY rows and collapsing identical repeats
 * @param seconds the whole staging of the file, wall time
 */
public record StageTimings(
    String source,
    String extract,
    String origin,
    long rows,
    double readingSeconds,
    double duckdbSeconds,
    double duplicatesSeconds,
    double seconds) {}
