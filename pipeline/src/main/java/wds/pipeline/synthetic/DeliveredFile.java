package wds.pipeline.synthetic;

/**
 * One file of a delivery as its manifest lists it.
 *
 * @param source the source system (folder)
 * @param extract the extract
 * @param name the file name
 * @param rows data records (RFC 4180 records for CSV, sheet rows for xlsx), header excluded
 * @param sha256 hex SHA-256 of the file's bytes
 * @param encoding {@code UTF-8} or {@code GB18030}
 * @param mode {@code full} or {@code delta}
 */
public record DeliveredFile(
    String source,
    String extract,
    String name,
    long rows,
    String sha256,
    String encoding,
    String mode) {}
