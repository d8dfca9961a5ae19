package wds.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A {@code wds} command run in-process as {@code main} runs it, with what it printed on each
 * stream; and the state of a home before and after, to prove a refused command changed nothing.
 */
public record CommandOutput(int exitCode, String out, String err) {

  /** Runs {@code wds args...} as {@code main} does, with stdout and stderr captured apart. */
  public static synchronized CommandOutput run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = WdsCli.commandLine(args).execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    CommandOutput result =
        new CommandOutput(
            code,
            outBuffer.toString(StandardCharsets.UTF_8),
            errBuffer.toString(StandardCharsets.UTF_8));
    out.print(result.out());
    err.print(result.err());
    return result;
  }

  /** The lines on stderr. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  /**
   * Every file under {@code home} (but its logs, which record the refusal) with its size and
   * modification time; empty when the home does not exist.
   */
  public static Map<String, String> files(Path home) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(home)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.toList()) {
        String relative = home.relativize(p).toString();
        if (relative.startsWith("logs")) {
          continue;
        }
        files.put(
            relative,
            Files.isDirectory(p)
                ? "dir"
                : Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
