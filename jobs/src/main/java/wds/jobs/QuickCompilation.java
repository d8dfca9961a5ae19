package wds.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A span of this JVM's run in which methods are compiled by C1 alone: a HotSpot compiler directive
 * excluding every method from C2, added when the span opens and removed when it closes, through the
 * JVM's own diagnostic commands ({@code Compiler.directives_add}, what {@code jcmd} calls).
 *
 * <p>Why: building the reports is a few seconds of code run once per process (POI, JFreeChart, the
 * report's own), so C2's compiles of it cost more than they save; on 2 cores they also take a core
 * from the reports. A JVM started with C1 alone built the same reports in half the time, but the
 * nightly's load wants C2. With the directive, a method first hot while the reports are built is
 * compiled by C1 (HotSpot then marks it "not compilable at level 4" and compiles it at level 1, as
 * {@code -XX:TieredStopAtLevel=1} would); methods C2 compiled before (the load's, the JDK's) keep
 * their code, and methods first hot after the span get C2 again. Measurements: {@code
 * warehouse/NIGHTLY-SPEED.md}, "Reports, lake and start, branch nightly-tail". The public feed is
 * written inside such a span too, for the same reason ("Feed, branch feed-fast").
 *
 * <p>On a JVM without HotSpot's diagnostic commands the span does nothing. Spans do not nest: the
 * JVM removes the directive added last.
 */
public final class QuickCompilation implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(QuickCompilation.class);

  /** HotSpot's compiler directive: every method, C2 excluded, C1 left to the default directive. */
  static final String WITHOUT_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

  private static final String[] SIGNATURE = {String[].class.getName()};

  private final boolean added;

  private QuickCompilation(boolean added) {
    this.added = added;
  }

  /** Opens the span: C2 excluded until {@link #close}. */
  public static QuickCompilation open() {
    Path file = null;
    try {
      file = Files.createTempFile("wds-c1-", ".json");
      Files.writeString(file, WITHOUT_C2);
      String answer = invoke("compilerDirectivesAdd", file.toString());
      // "1 compiler directives added"; anything else (a parse error) leaves the JIT as it was
      boolean added = answer != null && answer.startsWith("1 ");
      if (!added) {
        log.info("compiled with the default JIT: the C1-only directive was refused: {}", answer);
      }
      return new QuickCompilation(added);
    } catch (IOException | JMException | RuntimeException e) {
      log.info("compiled with the default JIT: {}", e.toString());
      return new QuickCompilation(false);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file of 40 bytes
        }
      }
    }
  }

  /** The compiler directives in force, as HotSpot prints them (for the tests). */
  static String directives() throws JMException {
    return invoke("compilerDirectivesPrint");
  }

  @Override
  public void close() {
    if (!added) {
      return;
    }
    try {
      invoke("compilerDirectivesRemove");
    } catch (JMException | RuntimeException e) {
      log.warn("the C1-only compiler directive could not be removed: {}", e.toString());
    }
  }

  private static String invoke(String command, String... arguments) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
    Object answer = server.invoke(name, command, new Object[] {arguments}, SIGNATURE);
    return answer == null ? null : answer.toString().strip();
  }
}
