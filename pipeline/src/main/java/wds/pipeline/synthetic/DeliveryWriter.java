package wds.pipeline.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one night's delivery of every source: a file per extract in the source's folder, in the
 * source's encoding, the version of each record the {@link DeliveryView} calls for, faults injected
 * on the way, and a manifest per source.
 */
final class DeliveryWriter implements RecordSink, AutoCloseable {

  /** {@code updated_at}: ISO local date-time, always with seconds. */
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  static final Charset GB18030 = Charset.forName("GB18030");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path out;
  private final DeliveryView view;
  private final EducationFormat educationFormat;
  private final FaultInjector faults;
  private final Map<Extract, ExtractFile> files = new EnumMap<>(Extract.class);
  private final Map<Extract, long[]> touches = new EnumMap<>(Extract.class);
  private boolean finished;

  DeliveryWriter(Path out, DeliveryView view, EducationFormat educationFormat, FaultInjector faults)
      throws IOException {
    this.out = out;
    this.view = view;
    this.educationFormat = educationFormat;
    this.faults = faults;
    String stamp = view.date().format(DateTimeFormatter.BASIC_ISO_DATE);
    for (Extract e : Extract.values()) {
      Path folder = Files.createDirectories(out.resolve(e.source()));
      String[] header = e.schema().columns().stream().map(c -> c.name()).toArray(String[]::new);
      boolean xlsx = e == Extract.STUDENTS && educationFormat == EducationFormat.XLSX;
      Path file = folder.resolve(e.extractName() + "_" + stamp + "." + (xlsx ? "xlsx" : "csv"));
      files.put(
          e,
          xlsx
              ? new XlsxExtractFile(file, e.extractName(), header, view.date().atTime(23, 0))
              : new CsvExtractFile(file, charset(e), bom(e), header));
      touches.put(e, new long[Touch.values().length]);
    }
  }

  /** Counters of what a delta did: changed, tombstoned, re-verified, re-sent. */
  enum Touch {
    CHANGED,
    TOMBSTONE,
    REVERIFIED,
    RESENT
  }

  static Charset charset(Extract e) {
    return e.source().equals("civil") ? GB18030 : StandardCharsets.UTF_8;
  }

  /** The statistics bureau's and the departments' returns come from Excel users: with a BOM. */
  static boolean bom(Extract e) {
    return e.source().equals("population") || e.source().equals("reports");
  }

  @Override
  public void accept(SourceRecord record) {
    Extract e = record.extract();
    SourceRecord.Version now = record.at(view.date());
    if (now == null) {
      return;
    }
    if (!view.delta() || e == Extract.AREAS) {
      if (!now.deleted()) {
        write(e, now.values(), now.at(), false);
      }
      return;
    }
    SourceRecord.Version before = record.at(view.previous());
    if (before != now) {
      if (before == null && now.deleted()) {
        return; // created and withdrawn between the deliveries: nothing to tell
      }
      write(e, now.values(), now.at(), now.deleted());
      touches.get(e)[Touch.CHANGED.ordinal()]++;
      return;
    }
    if (now.deleted() || e.reference()) {
      return;
    }
    String key = e.key(now.values());
    switch (view.touch(e, key)) {
      case TOMBSTONE -> {
        if (record.last() == now) {
          write(e, now.values(), view.touchTime(e, key), true);
          touches.get(e)[Touch.TOMBSTONE.ordinal()]++;
        }
      }
      case REVERIFIED -> {
        write(e, now.values(), view.touchTime(e, key), false);
        touches.get(e)[Touch.REVERIFIED.ordinal()]++;
      }
      case RESENT -> {
        write(e, now.values(), now.at(), false);
        touches.get(e)[Touch.RESENT.ordinal()]++;
      }
      default -> {}
    }
  }

  private void write(Extract e, String[] values, LocalDateTime at, boolean deleted) {
    String[] row = values.clone();
    row[e.column("updated_at")] = at.format(TIMESTAMP);
    if (e.schema().hasDeletedFlag()) {
      row[e.column("deleted")] = deleted ? "Y" : "N";
    }
    try {
      faults.write(e, files.get(e), row, deleted);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Finishes the files and writes the manifests; returns every file delivered. */
  List<DeliveredFile> finish() throws IOException {
    finished = true;
    faults.finish(files);
    faults.close();
    for (ExtractFile f : files.values()) {
      f.close();
    }
    List<DeliveredFile> delivered = new ArrayList<>();
    Map<String, List<DeliveredFile>> bySource = new LinkedHashMap<>();
    for (Map.Entry<Extract, ExtractFile> entry : files.entrySet()) {
      Extract e = entry.getKey();
      ExtractFile f = entry.getValue();
      String mode = view.delta() && e != Extract.AREAS ? "delta" : "full";
      DeliveredFile d =
          new DeliveredFile(
              e.source(),
              e.extractName(),
              f.path().getFileName().toString(),
              f.records(),
              sha256(f.path()),
              e.source().equals("civil") ? "GB18030" : "UTF-8",
              mode);
      delivered.add(d);
      bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(d);
    }
    String stamp = view.date().format(DateTimeFormatter.BASIC_ISO_DATE);
    for (Map.Entry<String, List<DeliveredFile>> source : bySource.entrySet()) {
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("source", source.getKey());
      manifest.put("extract_date", view.date().toString());
      List<Map<String, Object>> list = new ArrayList<>();
      for (DeliveredFile d : source.getValue()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("extract", d.extract());
        m.put("rows", d.rows());
        m.put("sha256", d.sha256());
        m.put("encoding", d.encoding());
        m.put("mode", d.mode());
        list.add(m);
      }
      manifest.put("files", list);
      Path path = out.resolve(source.getKey()).resolve("manifest_" + stamp + ".json");
      try (OutputStream o = Files.newOutputStream(path)) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(o, manifest);
      }
    }
    return delivered;
  }

  /** How many records of each extract the delta changed, tombstoned, re-verified, re-sent. */
  Map<Extract, long[]> touches() {
    return touches;
  }

  long faultsInjected() {
    return faults.injected();
  }

  List<FaultKind> faultsNotInjected() {
    return faults.notInjected();
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    // a failure half-way: release the files, the run fails anyway
    for (ExtractFile f : files.values()) {
      try {
        f.close();
      } catch (IOException | RuntimeException ignored) {
        // already closed or broken: the run fails anyway
      }
    }
  }
}
