package wds.jobs.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import wds.jobs.WdsApplication;
import wds.jobs.WdsHome;
import wds.pipeline.load.DeliveryLoader;
import wds.schemas.sql.SqlFile;
import wds.warehouse.WarehouseBuilder;
import wds.warehouse.publish.Snapshots;

/**
 * What a publication (snapshot, lake, feed and reports) is made from, as one SHA-256 digest, and
 * the record of the last publication made whole ({@code <home>/state/published-inputs.json}).
 *
 * <p>The digest covers everything the publication's content follows from: every row of the work
 * database's operational layer and load audit ({@code ods_*}, {@code etl_*}: the row count and the
 * sum of the rows' hashes of each table, so a row added, removed or changed by any path moves it),
 * the publish settings and the as-of year the caller gives, and the build of wds itself (the files
 * its modules were loaded from: a new release or build is a new publication). Two nights with the
 * same digest publish the same tables and files, so the nightly keeps the last publication instead
 * of making it again (NightlyJobConfiguration).
 */
public final class PublishedInputs {

  /** The record's file name under the home's state folder. */
  public static final String FILE = "published-inputs.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The wds modules a publication's code comes from, each by one of its classes. */
  private static final List<Class<?>> MODULES =
      List.of(WdsApplication.class, WarehouseBuilder.class, DeliveryLoader.class, SqlFile.class);

  /**
   * The last publication made whole.
   *
   * @param snapshot the file name of its snapshot
   * @param inputs the digest of what it was made from
   */
  public record Published(String snapshot, String inputs) {}

  private PublishedInputs() {}

  /**
   * The digest of the work database's operational layer and audit, the given settings (one line
   * each, e.g. {@code as-of-year=2026}) and this build of wds.
   */
  public static String digest(Connection work, List<String> settings) throws SQLException {
    List<String> lines = new ArrayList<>();
    for (String line : tables(work)) {
      lines.add("table " + line);
    }
    settings.forEach(line -> lines.add("setting " + line));
    return digest(lines);
  }

  /**
   * The digest of the given lines (what a publication is made from, one fact a line) and this build
   * of wds.
   */
  public static String digest(List<String> lines) {
    MessageDigest sha = sha256();
    lines.forEach(line -> update(sha, line));
    for (Class<?> module : MODULES) {
      update(sha, "code " + codeOf(module));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The last publication made whole, if the home has a record of one. */
  public static Optional<Published> read(WdsHome home) {
    Path file = home.state().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readString(file), Published.class));
    } catch (IOException | RuntimeException e) {
      // an unreadable record only means the next night publishes again
      return Optional.empty();
    }
  }

  /**
   * The home's current snapshot's file name when the last publication made whole is that snapshot
   * and was made from {@code inputs}: what it published is then what a new publication would make
   * again.
   */
  public static Optional<String> publishedFrom(WdsHome home, String inputs) {
    Optional<Published> last = read(home);
    Optional<Path> current = new Snapshots(home.snapshots()).current();
    if (last.isEmpty() || current.isEmpty()) {
      return Optional.empty();
    }
    String snapshot = current.get().getFileName().toString();
    return last.get().snapshot().equals(snapshot) && last.get().inputs().equals(inputs)
        ? Optional.of(snapshot)
        : Optional.empty();
  }

  /** Records a publication made whole (written aside, then moved into place). */
  public static void write(WdsHome home, Published published) {
    Path file = home.state().resolve(FILE);
    Path aside = home.state().resolve(FILE + ".tmp");
    try {
      Files.createDirectories(home.state());
      Files.writeString(aside, JSON.writeValueAsString(published), StandardCharsets.UTF_8);
      Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the publication in " + file, e);
    }
  }

  /** The SHA-256 of a file's bytes, in hex (a plan given as a file). */
  public static String digestOf(Path file) {
    try {
      return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** One line per input table: its name, row count and the sum of its rows' hashes. */
  private static List<String> tables(Connection work) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps =
            work.prepareStatement(SqlFile.load(PublishedInputs.class, "input_tables.sql").sql());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    SqlFile branch = SqlFile.load(PublishedInputs.class, "table_digest.sql").withoutComments();
    String query =
        String.join(
            "\nunion all\n",
            names.stream()
                .map(
                    name ->
                        branch.render(
                            Map.of(
                                "name", SqlFile.literal(name), "table", SqlFile.identifier(name))))
                .toList());
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = work.prepareStatement(query + "\norder by table_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3));
      }
    }
    return lines;
  }

  /**
   * Where a module's classes were loaded from, as a line that changes with each build: a jar's
   * path, size and time; a folder's (a development build) path, file count, bytes and newest time.
   */
  static String codeOf(Class<?> module) {
    CodeSource source = module.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return module.getName() + " unknown";
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(path)) {
        return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
      }
      long files = 0;
      long bytes = 0;
      long newest = 0;
      try (Stream<Path> tree = Files.walk(path)) {
        for (Path file : (Iterable<Path>) tree.filter(Files::isRegularFile)::iterator) {
          files++;
          bytes += Files.size(file);
          newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
        }
      }
      return path + " " + files + " " + bytes + " " + newest;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // a location that cannot be read is a build of its own: publish again
      return module.getName() + " unreadable " + System.nanoTime();
    }
  }

  private static void update(MessageDigest sha, String line) {
    sha.update(line.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
