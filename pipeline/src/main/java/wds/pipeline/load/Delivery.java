package wds.pipeline.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One source's delivery of one night in the drop folder: its manifest (which may be missing) and
 * the data files carrying its date.
 *
 * @param source the source system ({@code <drop>/<source>/})
 * @param extractDate the night, from the file names
 * @param folder the source's drop folder
 * @param dataFiles every {@code <extract>_<yyyymmdd>.csv|xlsx} file of that date, by name
 */
public record Delivery(String source, LocalDate extractDate, Path folder, List<Path> dataFiles) {

  /** {@code yyyyMMdd}, as in file names. */
  public static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  public Delivery {
    dataFiles = List.copyOf(dataFiles);
  }

  /** Where the manifest of this delivery is, or would be. */
  public Path manifest() {
    return folder.resolve("manifest_" + extractDate.format(BASIC_DATE) + ".json");
  }

  public boolean hasManifest() {
    return Files.isRegularFile(manifest());
  }

  /** {@code source yyyy-MM-dd}, for messages. */
  public String label() {
    return source + " " + extractDate;
  }
}
