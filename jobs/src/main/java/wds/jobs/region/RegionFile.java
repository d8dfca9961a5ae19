package wds.jobs.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;

/**
 * A region as its operators describe it (spec/region.md, "The region file"): the prefecture or
 * province, its counties with their homes and drop folders, its prefectures (a province), and how
 * the counties' nightlies are spread (one process's threads, or workers over RabbitMQ). Paths are
 * resolved against the file's folder. A file that breaks a rule is refused before anything runs, in
 * one line naming the fault ({@link OperatorException}).
 *
 * @param file the region file
 * @param code 12-digit code of the region
 * @param name its name
 * @param level {@code prefecture} or {@code province}
 * @param home the region's own home
 * @param counties every county, in the file's order
 * @param prefectures a province's prefectures; a prefecture region is its own single prefecture
 * @param partitioning how the counties run
 */
public record RegionFile(
    Path file,
    String code,
    String name,
    String level,
    WdsHome home,
    List<County> counties,
    List<Prefecture> prefectures,
    Partitioning partitioning) {

  /** A county of the region: its code, name, home and drop folder. */
  public record County(String code, String name, WdsHome home, Path drop) {}

  /** A prefecture of a province region and the codes of its counties. */
  public record Prefecture(String code, String name, List<String> counties) {}

  /**
   * How the counties' nightlies run.
   *
   * @param mode {@code local} (threads of the manager) or {@code remote} (workers over RabbitMQ)
   * @param threads county nightlies at once in local mode
   * @param rabbitmq the broker's address in remote mode ({@code amqp://user@host:port}); the
   *     password comes from {@code WDS_RABBITMQ_PASSWORD}
   * @param jobRepository the JDBC URL of the PostgreSQL job repository shared by manager and
   *     workers in remote mode
   */
  public record Partitioning(String mode, int threads, String rabbitmq, String jobRepository) {

    public boolean remote() {
      return "remote".equals(mode);
    }
  }

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The file as written: kebab-case keys, paths as text. */
  record Raw(
      String code,
      String name,
      String level,
      String home,
      List<RawCounty> counties,
      List<RawPrefecture> prefectures,
      RawPartitioning partitioning) {}

  record RawCounty(String code, String name, String home, String drop) {}

  record RawPrefecture(String code, String name, List<String> counties) {}

  record RawPartitioning(
      String mode,
      Integer threads,
      String rabbitmq,
      @com.fasterxml.jackson.annotation.JsonProperty("job-repository") String jobRepository) {}

  /**
   * Reads and checks a region file.
   *
   * @throws OperatorException the file is missing, malformed or breaks a rule of the spec
   */
  public static RegionFile load(Path path) {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new OperatorException("region file " + file + ": not found or not readable");
    }
    Raw raw;
    try {
      raw = YAML.readValue(Files.readString(file), Raw.class);
    } catch (JacksonException e) {
      throw new OperatorException(
          "region file " + file + ": not a region file: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OperatorException("region file " + file + ": cannot read: " + e.getMessage(), e);
    }
    if (raw == null) {
      throw new OperatorException("region file " + file + ": empty");
    }
    return check(file, raw);
  }

  private static RegionFile check(Path file, Raw raw) {
    Path dir = file.getParent();
    String where = "region file " + file + ": ";
    code(where, "the region", raw.code());
    if (raw.name() == null || raw.name().isBlank()) {
      throw new OperatorException(where + "the region has no name");
    }
    String level = raw.level() == null ? "prefecture" : raw.level();
    if (!level.equals("prefecture") && !level.equals("province")) {
      throw new OperatorException(
          where + "level must be prefecture or province, not " + raw.level());
    }
    if (raw.home() == null) {
      throw new OperatorException(where + "the region has no home");
    }
    WdsHome home = new WdsHome(dir.resolve(raw.home()));
    if (raw.counties() == null || raw.counties().isEmpty()) {
      throw new OperatorException(where + "no counties");
    }
    List<County> counties = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<Path> homes = new HashSet<>();
    homes.add(home.root());
    for (RawCounty c : raw.counties()) {
      code(where, "county " + c.code(), c.code());
      if (!codes.add(c.code())) {
        throw new OperatorException(where + "two counties with the code " + c.code());
      }
      if (c.home() == null) {
        throw new OperatorException(where + "county " + c.code() + " has no home");
      }
      WdsHome countyHome = new WdsHome(dir.resolve(c.home()));
      if (!homes.add(countyHome.root())) {
        throw new OperatorException(
            where + "county " + c.code() + " shares its home " + countyHome.root());
      }
      Path drop = c.drop() == null ? countyHome.drop() : dir.resolve(c.drop()).normalize();
      counties.add(new County(c.code(), c.name() == null ? c.code() : c.name(), countyHome, drop));
    }
    List<Prefecture> prefectures = new ArrayList<>();
    if (raw.prefectures() != null) {
      Map<String, String> placed = new LinkedHashMap<>();
      for (RawPrefecture p : raw.prefectures()) {
        code(where, "prefecture " + p.code(), p.code());
        List<String> members = p.counties() == null ? List.of() : List.copyOf(p.counties());
        for (String member : members) {
          if (!codes.contains(member)) {
            throw new OperatorException(
                where + "prefecture " + p.code() + " lists " + member + ", not in counties");
          }
          String before = placed.put(member, p.code());
          if (before != null) {
            throw new OperatorException(
                where
                    + "county "
                    + member
                    + " is in two prefectures, "
                    + before
                    + " and "
                    + p.code());
          }
        }
        prefectures.add(new Prefecture(p.code(), p.name() == null ? p.code() : p.name(), members));
      }
    }
    if (level.equals("prefecture")) {
      if (!prefectures.isEmpty()) {
        throw new OperatorException(where + "prefectures are for province regions only");
      }
      prefectures.add(new Prefecture(raw.code(), raw.name(), List.copyOf(codes)));
    }
    Partitioning partitioning = partitioning(where, raw.partitioning());
    RegionFile region =
        new RegionFile(
            file,
            raw.code(),
            raw.name(),
            level,
            home,
            List.copyOf(counties),
            List.copyOf(prefectures),
            partitioning);
    return region;
  }

  private static Partitioning partitioning(String where, RawPartitioning raw) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (raw == null) {
      return new Partitioning("local", cores, null, null);
    }
    String mode = raw.mode() == null ? "local" : raw.mode();
    if (!mode.equals("local") && !mode.equals("remote")) {
      throw new OperatorException(where + "partitioning mode must be local or remote, not " + mode);
    }
    int threads = raw.threads() == null ? cores : raw.threads();
    if (threads < 1) {
      throw new OperatorException(where + "partitioning threads must be 1 or more");
    }
    if (mode.equals("remote")) {
      if (raw.rabbitmq() == null || !raw.rabbitmq().startsWith("amqp://")) {
        throw new OperatorException(where + "remote mode needs rabbitmq: amqp://user@host:port");
      }
      if (raw.jobRepository() == null || !raw.jobRepository().startsWith("jdbc:postgresql:")) {
        throw new OperatorException(
            where + "remote mode needs job-repository: jdbc:postgresql://host:port/database");
      }
    }
    return new Partitioning(mode, threads, raw.rabbitmq(), raw.jobRepository());
  }

  private static void code(String where, String what, String code) {
    if (code == null || !code.matches("\\d{12}")) {
      throw new OperatorException(where + what + ": the code must have 12 digits, not " + code);
    }
  }

  /**
   * Creates the homes of the region and its counties, refusing in one line a home that cannot be
   * written, before anything runs.
   */
  public void createHomes() {
    for (WdsHome h : allHomes()) {
      try {
        h.create();
        if (!Files.isWritable(h.state())) {
          throw new OperatorException(
              "region file " + file + ": cannot write the home " + h.root());
        }
      } catch (RuntimeException e) {
        if (e instanceof OperatorException) {
          throw e;
        }
        throw new OperatorException(
            "region file " + file + ": cannot write the home " + h.root(), e);
      }
    }
  }

  private List<WdsHome> allHomes() {
    List<WdsHome> all = new ArrayList<>();
    all.add(home);
    counties.forEach(c -> all.add(c.home()));
    return all;
  }

  /** The county of a code. */
  public County county(String code) {
    return counties.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new OperatorException("county " + code + " is not in " + file));
  }

  /** The prefecture a county belongs to. */
  public Prefecture prefectureOf(String county) {
    return prefectures.stream().filter(p -> p.counties().contains(county)).findFirst().orElse(null);
  }
}
