package wds.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WdsJavaTest {

  /** What {@code command} gives while java.class.path is {@code classPath} (then put back). */
  private static List<String> withClassPath(String classPath, Supplier<List<String>> command) {
    String before = System.getProperty("java.class.path");
    System.setProperty("java.class.path", classPath);
    try {
      return command.get();
    } finally {
      System.setProperty("java.class.path", before);
    }
  }

  private static List<String> commandWithClassPath(String classPath, List<String> options) {
    return withClassPath(classPath, () -> WdsJava.command(options));
  }

  @Test
  void command_FromThePreparedLayoutWithItsBatchArchive_StartsWithTheArchiveBeforeTheOptions(
      @TempDir Path app) throws Exception {
    Path jar = Files.createFile(app.resolve("wds.jar"));
    Path archive = Files.createFile(app.resolve(WdsJava.BATCH_ARCHIVE));

    List<String> command = commandWithClassPath(jar.toString(), List.of(WdsJava.BUILD_HEAP));

    assertThat(command.subList(1, 5))
        .containsExactly(
            "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            WdsJava.BUILD_HEAP);
    assertThat(command).endsWith("-cp", jar.toString(), WdsCli.class.getName());
  }

  @Test
  void command_WithoutABatchArchiveOrFromAClassPathOfFolders_HasNoArchive(@TempDir Path app)
      throws Exception {
    Path jar = Files.createFile(app.resolve("wds.jar"));

    assertThat(commandWithClassPath(jar.toString(), List.of()))
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    Files.createFile(app.resolve(WdsJava.BATCH_ARCHIVE));
    assertThat(commandWithClassPath(app + "/classes:" + jar, List.of()))
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
  }

  @Test
  void mainClass_StartsAnotherProgramWithoutTheBatchArchive(@TempDir Path app) throws Exception {
    Path jar = Files.createFile(app.resolve("wds.jar"));
    Files.createFile(app.resolve(WdsJava.BATCH_ARCHIVE));
    assertThat(
            withClassPath(jar.toString(), () -> WdsJava.mainClass(List.of(), ReadCsvCeiling.class)))
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"))
        .endsWith(ReadCsvCeiling.class.getName());
  }
}
