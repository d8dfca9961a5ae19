package wds.jobs.region;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import wds.jobs.WdsCli;
import wds.pipeline.synthetic.BuiltInCounties;
import wds.pipeline.synthetic.GeneratorSettings;

/** Test regions: a region file, its counties' deliveries and secrets, worker processes. */
final class Regions {

  /** The counties of the test region: three of Changji, small. */
  static final List<String> COUNTIES = List.of("652323000000", "652324000000", "652327000000");

  /** The largest test county's persons (the others scaled by the built-in list). */
  static final int PERSONS = 1_500;

  static final String SECRET =
      Base64.getEncoder()
          .encodeToString("region-test-secret-0123456789abcd".getBytes(StandardCharsets.US_ASCII));

  private Regions() {}

  /** Writes a region file under {@code dir} with the given partitioning lines. */
  static Path file(Path dir, String partitioning) throws IOException {
    StringBuilder text = new StringBuilder();
    // a code of its own, so that no other region on the same broker shares its queue
    text.append("code: \"659900000000\"\nname: 测试州\nlevel: prefecture\nhome: region-home\n");
    text.append("counties:\n");
    for (String c : COUNTIES) {
      // with their Chinese names, as a bureau writes them (two terminal columns a character)
      text.append("  - {code: \"")
          .append(c)
          .append("\", name: ")
          .append(BuiltInCounties.get(c).name())
          .append(", home: counties/")
          .append(c, 0, 6)
          .append(", drop: drops/")
          .append(c, 0, 6)
          .append("}\n");
    }
    text.append(partitioning);
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("region.yml"), text.toString());
  }

  /** Generates the deliveries of every county and gives every county home the test secret. */
  static RegionFile generate(Path file) throws IOException {
    return generate(file, PERSONS);
  }

  /** As {@link #generate(Path)}, the largest county of {@code persons} persons. */
  static RegionFile generate(Path file, int persons) throws IOException {
    RegionFile region = RegionFile.load(file);
    StringWriter out = new StringWriter();
    RegionDeliveries.generate(
        region, GeneratorSettings.defaults().withPersons(persons), true, new PrintWriter(out));
    for (RegionFile.County c : region.counties()) {
      Path key = c.home().pseudonymKey();
      Files.createDirectories(key.getParent());
      Files.writeString(key, SECRET);
    }
    return region;
  }

  /** Copies a region's deliveries (drop folders) from one test folder to another. */
  static void copyDrops(Path from, Path to) throws IOException {
    for (String c : COUNTIES) {
      Path source = from.resolve("drops").resolve(c.substring(0, 6));
      Path target = to.resolve("drops").resolve(c.substring(0, 6));
      try (var files = Files.walk(source)) {
        for (Path f : files.toList()) {
          Path t = target.resolve(source.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(t);
          } else {
            Files.copy(f, t);
          }
        }
      }
      Path key = to.resolve("counties").resolve(c.substring(0, 6)).resolve("state/pseudonym.key");
      Files.createDirectories(key.getParent());
      Files.writeString(key, SECRET);
    }
  }

  /** Starts {@code wds worker --region file} as a process of its own, output into {@code log}. */
  static Process worker(Path file, Path log, String rabbitPassword) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WdsCli.class.getName());
    command.addAll(List.of("worker", "--region", file.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("WDS_RABBITMQ_PASSWORD", rabbitPassword);
    return builder.start();
  }
}
