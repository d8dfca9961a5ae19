package wds.pipeline.load;

/**
 * How far the reading of one file or pull has come.
 *
 * @param source the source system
 * @param extract the extract
 * @param origin the file or table
 * @param rowsRead records read so far
 * @param rowsRejected of which rejected so far
 * @param seconds since reading began
 */
public record ExtractProgress(
    String source,
    String extract,
    String origin,
    long rowsRead,
    long rowsRejected,
    double seconds) {}
