package wds.pipeline.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic county generator: writes one nightly delivery of every source of a simulated county
 * shaped like Hutubi, as the sources contract describes it, deterministically from its settings.
 * Beside the source folders it writes {@code generator.json} (the settings, so that the next
 * night's delta can re-derive the registry) and {@code injected-faults.csv}.
 */
public final class CountyGenerator {

  /** The settings file written beside every delivery. */
  public static final String SETTINGS_FILE = "generator.json";

  /** The list of injected faulty rows written beside every delivery. */
  public static final String FAULTS_FILE = "injected-faults.csv";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private CountyGenerator() {}

  /** Writes a full delivery (every file {@code mode: full}) into {@code out}. */
  public static GenerationSummary generate(GeneratorSettings settings, Path out) {
    return run(settings, null, out);
  }

  /**
   * Writes the delivery that follows the one in {@code previous}: every record changed since, in
   * {@code mode: delta} files (the areas list stays a full snapshot).
   *
   * @param date the new extract date; null for the day after the previous delivery
   * @param badRowRate the fault rate; null to keep the previous delivery's
   */
  public static GenerationSummary generateDelta(
      Path previous, Path out, LocalDate date, Double badRowRate) {
    Map<String, Object> before = readSettings(previous);
    GeneratorSettings last = settingsOf(before);
    LocalDate next = date == null ? last.date().plusDays(1) : date;
    if (!next.isAfter(last.date())) {
      throw new IllegalArgumentException(
          "the delta's date " + next + " must be after the previous delivery's " + last.date());
    }
    GeneratorSettings settings =
        last.withDate(next).withBadRowRate(badRowRate == null ? last.badRowRate() : badRowRate);
    return run(settings, last.date(), out);
  }

  private static GenerationSummary run(GeneratorSettings settings, LocalDate previous, Path out) {
    try {
      Files.createDirectories(out);
      DeliveryView view =
          new DeliveryView(settings.date(), previous, settings.seed(), settings.persons() * 12L);
      FaultInjector faults =
          new FaultInjector(
              settings.seed(), settings.badRowRate(), settings.date(), out.resolve(FAULTS_FILE));
      RegistrySummary registry;
      var files = new java.util.ArrayList<DeliveredFile>();
      Map<String, long[]> touches = new LinkedHashMap<>();
      try (DeliveryWriter writer =
          new DeliveryWriter(out, view, settings.educationFormat(), faults)) {
        registry = new CountySimulation(settings).run(writer);
        files.addAll(writer.finish());
        if (!writer.faultsNotInjected().isEmpty()) {
          throw new IllegalStateException(
              "could not inject "
                  + writer.faultsNotInjected()
                  + ": the delivery has no row for them");
        }
        writer
            .touches()
            .forEach((e, counts) -> touches.put(e.source() + "/" + e.extractName(), counts));
        writeSettings(out, settings, previous);
        return new GenerationSummary(
            settings,
            previous,
            java.util.List.copyOf(files),
            writer.faultsInjected(),
            registry,
            touches);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the delivery to " + out, e);
    }
  }

  private static void writeSettings(Path out, GeneratorSettings s, LocalDate previous)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generator", "wds generate");
    m.put("persons", s.persons());
    m.put("seed", s.seed());
    m.put("first_year", s.firstYear());
    m.put("last_year", s.lastYear());
    m.put("date", s.date().toString());
    m.put("bad_rows", s.badRowRate());
    m.put("education_format", s.educationFormat().extension());
    m.put("county", s.county());
    m.put("mode", previous == null ? "full" : "delta");
    m.put("previous_date", previous == null ? null : previous.toString());
    try (OutputStream o = Files.newOutputStream(out.resolve(SETTINGS_FILE))) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(o, m);
    }
  }

  /** The settings a delivery was generated with, read from its {@code generator.json}. */
  public static GeneratorSettings readSettingsOf(Path delivery) {
    return settingsOf(readSettings(delivery));
  }

  private static Map<String, Object> readSettings(Path delivery) {
    Path file = delivery.resolve(SETTINGS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + " not found: --delta-from needs a folder written by wds generate");
    }
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode n = JSON.readTree(in);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("persons", n.get("persons").asInt());
      m.put("seed", n.get("seed").asLong());
      m.put("first_year", n.get("first_year").asInt());
      m.put("last_year", n.get("last_year").asInt());
      m.put("date", LocalDate.parse(n.get("date").asString()));
      m.put("bad_rows", n.get("bad_rows").asDouble());
      m.put("education_format", n.get("education_format").asString());
      m.put("county", n.has("county") ? n.get("county").asString() : BuiltInCounties.HUTUBI);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static GeneratorSettings settingsOf(Map<String, Object> m) {
    return new GeneratorSettings(
        (Integer) m.get("persons"),
        (Long) m.get("seed"),
        (Integer) m.get("first_year"),
        (Integer) m.get("last_year"),
        (LocalDate) m.get("date"),
        (Double) m.get("bad_rows"),
        EducationFormat.valueOf(((String) m.get("education_format")).toUpperCase(Locale.ROOT)),
        (String) m.get("county"));
  }
}
