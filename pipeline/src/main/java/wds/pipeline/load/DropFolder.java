package wds.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The drop folder where file deliveries arrive: {@code <drop>/<source>/<extract>_<yyyymmdd>.<ext>}
 * plus {@code <drop>/<source>/manifest_<yyyymmdd>.json}. Finds the deliveries waiting there.
 */
public record DropFolder(Path root) {

  private static final Pattern MANIFEST = Pattern.compile("manifest_(\\d{8})\\.json");
  private static final Pattern DATA = Pattern.compile("(.+)_(\\d{8})\\.(csv|xlsx)");

  /**
   * Every delivery of the given sources, in the order given (population first), each source's
   * deliveries oldest first. A date with data files but no manifest is a delivery too: it is
   * refused, not overlooked.
   */
  public List<Delivery> deliveries(List<String> sources) {
    List<Delivery> deliveries = new ArrayList<>();
    for (String source : sources) {
      Path folder = root.resolve(source);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      Map<LocalDate, List<Path>> byDate = new TreeMap<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          Matcher manifest = MANIFEST.matcher(name);
          Matcher data = DATA.matcher(name);
          if (manifest.matches()) {
            date(manifest.group(1))
                .ifPresent(d -> byDate.computeIfAbsent(d, k -> new ArrayList<>()));
          } else if (data.matches()) {
            date(data.group(2))
                .ifPresent(d -> byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(file));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the drop folder " + folder, e);
      }
      byDate.forEach((date, data) -> deliveries.add(new Delivery(source, date, folder, data)));
    }
    return deliveries;
  }

  /** The extract a data file name carries ({@code births_20250302.csv} → {@code births}). */
  public static Optional<String> extractOf(String fileName) {
    Matcher data = DATA.matcher(fileName);
    return data.matches() ? Optional.of(data.group(1)) : Optional.empty();
  }

  private static Optional<LocalDate> date(String basic) {
    try {
      return Optional.of(LocalDate.parse(basic, Delivery.BASIC_DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
