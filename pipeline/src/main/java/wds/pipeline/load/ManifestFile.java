package wds.pipeline.load;

import java.nio.charset.Charset;

/**
 * One file of a delivery as its manifest lists it.
 *
 * @param name the file name inside the source's drop folder
 * @param extract the extract it holds
 * @param rows the number of data records (RFC 4180 records, not lines; not the header)
 * @param sha256 the SHA-256 of the file's bytes, hex
 * @param encoding the character set of a CSV file (UTF-8 or GB18030)
 * @param mode full or delta
 */
public record ManifestFile(
    String name, String extract, long rows, String sha256, Charset encoding, LoadMode mode) {}
