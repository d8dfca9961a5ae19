package wds.pipeline.load;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import wds.pipeline.log.LogText;
import wds.schemas.SchemaCatalog;

/**
 * The checks a file delivery passes before any of its data files is read, in this order: its folder
 * lies in the drop, its manifest is there, was not loaded before, is readable JSON about this
 * source and night, and lists files named after their extract and night that lie in the drop; then
 * every listed file's checksum is the manifest's. Data files the manifest does not list are noted
 * as ignored, never read.
 */
final class ManifestCheck {

  private final SchemaCatalog catalog;
  private final LoadAudit audit;

  ManifestCheck(SchemaCatalog catalog, LoadAudit audit) {
    this.catalog = catalog;
    this.audit = audit;
  }

  /**
   * What a delivery's checks found.
   *
   * @param delivery the delivery checked
   * @param manifest its manifest, or null when there is none or it is not readable
   * @param manifestSha256 the manifest's checksum, or null when there is no manifest to read
   * @param loadedBefore whether this manifest was loaded before (nothing else is then checked)
   * @param checksums each listed file's checksum as found
   * @param ignored the data files the manifest does not list, as audit rows
   * @param faults what refuses the delivery, in words; empty when it may be read
   */
  record Checked(
      Delivery delivery,
      Manifest manifest,
      String manifestSha256,
      boolean loadedBefore,
      Map<ManifestFile, String> checksums,
      List<ExtractResult> ignored,
      List<String> faults) {

    boolean refused() {
      return !faults.isEmpty();
    }

    private static Checked refused(
        Delivery delivery, Manifest manifest, String manifestSha256, List<String> faults) {
      return new Checked(delivery, manifest, manifestSha256, false, Map.of(), List.of(), faults);
    }
  }

  /** Checks a delivery's folder, manifest and checksums; reads none of its data files. */
  Checked check(Delivery delivery, LocalDateTime startedAt) throws SQLException, IOException {
    Path drop = delivery.folder().getParent();
    Optional<String> folderFault = new DropPath(drop, delivery.folder()).folderFault();
    if (folderFault.isPresent()) {
      return Checked.refused(delivery, null, null, List.of(folderFault.get()));
    }
    DropPath manifestPath = new DropPath(drop, delivery.manifest());
    if (!manifestPath.exists()) {
      List<String> names = delivery.dataFiles().stream().map(p -> LogText.escape(name(p))).toList();
      return Checked.refused(
          delivery,
          null,
          null,
          List.of("no manifest " + name(delivery.manifest()) + " for " + String.join(", ", names)));
    }
    Optional<String> manifestFault = manifestPath.fileFault();
    if (manifestFault.isPresent()) {
      return Checked.refused(delivery, null, null, List.of(manifestFault.get()));
    }
    String manifestSha = FileChecksum.sha256(delivery.manifest());
    if (audit.loaded(delivery.source(), delivery.extractDate(), manifestSha)) {
      return new Checked(delivery, null, manifestSha, true, Map.of(), List.of(), List.of());
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(delivery.manifest());
    } catch (InvalidManifestException e) {
      // every data file of the night gets a refused row of its own
      return Checked.refused(delivery, null, manifestSha, List.of(e.getMessage()));
    }
    List<ExtractResult> ignored = unlisted(delivery, manifest, startedAt);
    List<String> faults = contents(delivery, manifest);
    Map<ManifestFile, String> checksums = new LinkedHashMap<>();
    if (faults.isEmpty()) {
      // checksums before any parsing: a file that is not what the manifest describes is never read
      checksums(delivery, manifest, checksums, faults);
    }
    return new Checked(delivery, manifest, manifestSha, false, checksums, ignored, faults);
  }

  /** The manifest's own faults: source, night, and each listed file's extract, name and place. */
  private List<String> contents(Delivery delivery, Manifest manifest) {
    List<String> faults = new ArrayList<>();
    String name = name(delivery.manifest());
    if (!manifest.source().equals(delivery.source())) {
      faults.add(
          name
              + ": source is "
              + manifest.source()
              + ", but it lies in "
              + delivery.source()
              + "/");
    }
    if (!manifest.extractDate().equals(delivery.extractDate())) {
      faults.add(name + ": extract_date " + manifest.extractDate() + " does not match its name");
    }
    if (manifest.files().isEmpty()) {
      faults.add(name + ": lists no files");
    }
    String day = delivery.extractDate().format(Delivery.BASIC_DATE);
    for (ManifestFile f : manifest.files()) {
      if (catalog.ofSource(delivery.source()).stream()
          .noneMatch(s -> s.extract().equals(f.extract()))) {
        faults.add(f.name() + ": " + f.extract() + " is no extract of " + delivery.source());
        continue;
      }
      if (!f.name().equals(f.extract() + "_" + day + ".csv")
          && !f.name().equals(f.extract() + "_" + day + ".xlsx")) {
        faults.add(f.name() + ": not named " + f.extract() + "_" + day + ".csv or .xlsx");
        continue;
      }
      new DropPath(delivery.folder().getParent(), delivery.folder().resolve(f.name()))
          .fileFault()
          .ifPresent(faults::add);
    }
    return faults;
  }

  /**
   * Each listed file's checksum as found into {@code checksums}; a mismatch into {@code faults}.
   */
  private static void checksums(
      Delivery delivery,
      Manifest manifest,
      Map<ManifestFile, String> checksums,
      List<String> faults) {
    for (ManifestFile f : manifest.files()) {
      try {
        String sha = FileChecksum.sha256(delivery.folder().resolve(f.name()));
        checksums.put(f, sha);
        if (!sha.equals(f.sha256())) {
          faults.add(
              f.name()
                  + ": checksum mismatch (manifest sha256 "
                  + f.sha256()
                  + ", file "
                  + sha
                  + ")");
        }
      } catch (IOException e) {
        faults.add(f.name() + ": cannot be read (" + FileFaults.of(e) + ")");
      }
    }
  }

  /**
   * The data files of the night that the manifest does not list: never read, each recorded in the
   * audit as {@code ignored} with 0 rows, so that what lay in the drop and was not loaded is known.
   */
  private static List<ExtractResult> unlisted(
      Delivery delivery, Manifest manifest, LocalDateTime startedAt) {
    Set<String> listed = new HashSet<>();
    manifest.files().forEach(f -> listed.add(f.name()));
    List<ExtractResult> ignored = new ArrayList<>();
    LocalDateTime now = AuditClock.now();
    for (Path file : delivery.dataFiles()) {
      if (listed.contains(name(file))) {
        continue;
      }
      String shown = LogText.escape(name(file)); // the listener logs it, with its delivery
      ignored.add(
          LoadResults.ignoredFile(delivery, shown, name(delivery.manifest()), startedAt, now));
    }
    return ignored;
  }

  static String name(Path path) {
    return path.getFileName().toString();
  }
}
