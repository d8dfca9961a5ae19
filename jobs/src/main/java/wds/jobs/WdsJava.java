package wds.jobs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that starts this same wds in a child process (a region's county nightly, the
 * benchmarks' whole-process runs, their workers): this JVM's java, the options the {@code wds}
 * launcher would give the command, then {@code -jar} of a Spring Boot jar or the class path and
 * {@link WdsCli}.
 */
public final class WdsJava {

  /**
   * The heap cap of a process that loads, builds and publishes a county. Without it G1 lets the
   * heap grow towards a quarter of the RAM: a 210,000-person nightly peaked at 3.99 GB resident,
   * 2.10 GB with this cap, reports included (warehouse/NIGHTLY-SPEED.md). The {@code wds} launcher
   * gives the same cap to the same commands; options given later ({@code WDS_JAVA_OPTS}) override
   * it.
   */
  public static final String BUILD_HEAP = "-Xmx768m";

  /** The launcher's class-data archive for the batch commands, beside the prepared wds.jar. */
  static final String BATCH_ARCHIVE = "wds-batch.jsa";

  private WdsJava() {}

  /**
   * java, the batch commands' class-data archive where the launcher made one, the options given
   * (the first ones win only where the JVM takes the last: put caps first), the native-access flag
   * Java 22+ wants for DuckDB, and this class path's wds.
   */
  public static List<String> command(List<String> options) {
    List<String> command = java(options);
    // right after java, before the options (arguments of their own: a path may hold a space)
    command.addAll(1, batchArchive());
    String classPath = System.getProperty("java.class.path");
    if (bootJar(classPath)) {
      command.addAll(List.of("-jar", classPath));
    } else {
      command.addAll(List.of("-cp", classPath, WdsCli.class.getName()));
    }
    return command;
  }

  /**
   * How an operator starts wds: the {@code wds} launcher when it started this process ({@code
   * WDS_LAUNCHER}; it gives each command its own options, class-data sharing included), else {@link
   * #command} with {@code options}.
   */
  public static List<String> asLaunched(List<String> options) {
    String launcher = System.getenv("WDS_LAUNCHER");
    if (launcher != null && !launcher.isBlank()) {
      return List.of(launcher);
    }
    return command(options);
  }

  /**
   * java, the options given and this class path, running {@code main}'s own main method instead of
   * wds's command line (through Spring Boot's {@code PropertiesLauncher} inside a Boot jar).
   */
  public static List<String> mainClass(List<String> options, Class<?> main) {
    List<String> command = java(options);
    String classPath = System.getProperty("java.class.path");
    command.addAll(List.of("-cp", classPath));
    if (bootJar(classPath)) {
      command.addAll(
          List.of(
              "-Dloader.main=" + main.getName(),
              "org.springframework.boot.loader.launch.PropertiesLauncher"));
    } else {
      command.add(main.getName());
    }
    return command;
  }

  /** java, the options, and the native-access flag Java 22+ wants for DuckDB. */
  private static List<String> java(List<String> options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : options) {
      if (option != null && !option.isBlank()) {
        command.addAll(List.of(option.strip().split("\\s+")));
      }
    }
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    return command;
  }

  /**
   * The batch commands' class-data archive, when this wds runs from the launcher's prepared layout
   * ({@code wds-batch.jsa} beside {@code wds.jar}: the classes of a whole nightly, parsed and
   * verified once), as the launcher gives it to {@code nightly} and {@code worker}. A county's
   * nightly in a region started 1.5–2 s faster with it. Only wds's own commands get it: {@link
   * #mainClass} starts other programs (the benchmarks' yardstick).
   */
  private static List<String> batchArchive() {
    String classPath = System.getProperty("java.class.path");
    if (!oneJar(classPath)) {
      return List.of();
    }
    Path archive = Path.of(classPath).toAbsolutePath().resolveSibling(BATCH_ARCHIVE);
    if (!Files.isRegularFile(archive)) {
      return List.of();
    }
    // as the launcher gives it: a stale archive is ignored quietly, never warned about on stdout
    return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /** A class path of one jar, not of several entries or a folder. */
  private static boolean oneJar(String classPath) {
    return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
  }

  /** A Spring Boot jar runs with -jar; a plain jar or a class path runs its main class. */
  private static boolean bootJar(String classPath) {
    if (!oneJar(classPath)) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
