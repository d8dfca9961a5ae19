package wds.jobs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Where the log of a {@code wds} command goes: a daily rolled file {@code <home>/logs/wds.log} (the
 * last 30 days kept, at most 1 GB), and the console only with {@code --verbose}. The console
 * otherwise shows what the command prints itself: progress and its summary.
 *
 * <p>Set up once per command, before the Spring application starts, which is told to leave logging
 * alone ({@link LoggingSystem#NONE}) so every command, with or without Spring, logs the same way.
 * Levels: {@code wds} INFO, everything else WARN.
 */
public final class WdsLogging {

  /** The log file's name in {@code <home>/logs/}. */
  public static final String FILE = "wds.log";

  private static final String FILE_PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} %msg%n";
  private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n";
  private static final String FILE_APPENDER = "home-log";

  private static boolean verbose;
  private static boolean configured;

  private WdsLogging() {}

  /**
   * Resets logging for one command: the console shows the log only when {@code verbose}; the file
   * appender is added by {@link #toHome} once the home exists.
   */
  public static synchronized void configure(boolean verbose) {
    WdsLogging.verbose = verbose;
    WdsLogging.configured = true;
    LoggerContext context = context();
    context.reset();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    context.getLogger("wds").setLevel(Level.INFO);
    if (verbose) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      console.setName("console");
      console.setEncoder(encoder(context, CONSOLE_PATTERN));
      console.start();
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    }
  }

  /**
   * Starts a Spring application without letting Spring Boot reconfigure the logging this class set
   * up ({@link LoggingSystem#NONE}, a system property Boot reads while it starts, restored after);
   * when this class has set up nothing (a test starting the application itself), Boot's logging
   * applies as usual.
   */
  public static <T> T keptWhile(Supplier<T> start) {
    synchronized (WdsLogging.class) {
      if (!configured) {
        return start.get();
      }
    }
    String before = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
    System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      return start.get();
    } finally {
      if (before == null) {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
      } else {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, before);
      }
    }
  }

  /** Whether the console shows the log ({@code --verbose}). */
  public static synchronized boolean verbose() {
    return verbose;
  }

  /**
   * Sends the log to {@code <home>/logs/wds.log} from now on; does nothing when the home's folder
   * does not exist (a refused command never creates a home to log in).
   */
  public static synchronized void toHome(WdsHome home) {
    if (!Files.isDirectory(home.root())) {
      return;
    }
    Path folder = home.logs();
    LoggerContext context = context();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    var existing = root.getAppender(FILE_APPENDER);
    if (existing instanceof RollingFileAppender<ILoggingEvent> file
        && Path.of(file.getFile()).equals(folder.resolve(FILE))) {
      return;
    }
    if (existing != null) {
      root.detachAppender(existing);
      existing.stop();
    }
    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName(FILE_APPENDER);
    file.setFile(folder.resolve(FILE).toString());
    TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(file);
    policy.setFileNamePattern(folder.resolve("wds.%d{yyyy-MM-dd}.log.gz").toString());
    policy.setMaxHistory(30);
    policy.setTotalSizeCap(FileSize.valueOf("1GB"));
    policy.start();
    file.setRollingPolicy(policy);
    file.setEncoder(encoder(context, FILE_PATTERN));
    file.start();
    if (file.isStarted()) {
      root.addAppender(file);
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
