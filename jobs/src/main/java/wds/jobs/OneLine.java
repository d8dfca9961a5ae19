package wds.jobs;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import wds.pipeline.log.LogText;

/**
 * The one line an operator reads when a command fails: what went wrong in words, without class
 * names or a stack trace (the trace goes to the log). An {@link OperatorException} says it itself;
 * anything else is described by the messages of its causes.
 */
public final class OneLine {

  private OneLine() {}

  /** The failure {@code e} in one line. */
  public static String of(Throwable e) {
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      if (t instanceof OperatorException) {
        return clean(t.getMessage());
      }
    }
    for (Throwable t : chain) {
      if (t instanceof BindException bind) {
        // a configuration value that is missing or malformed: name the setting and the fault
        Throwable root = chain.get(chain.size() - 1);
        if (root == bind) {
          return clean("a configuration value under " + bind.getName() + " is wrong");
        }
        ConfigurationProperty property = bind.getProperty();
        // a value that could not be read as its type names itself and where it came from; one
        // that a settings record refused says what is wrong with it in its own message
        return clean(
            property == null
                ? "a configuration value is wrong: " + root.getMessage()
                : "a configuration value is wrong: "
                    + property.getName()
                    + " = \""
                    + property.getValue()
                    + "\""
                    + (property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")")
                    + ": "
                    + root.getMessage());
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SQLException
          && chain.stream().anyMatch(c -> c instanceof ConnectException)) {
        return clean("cannot connect to the database server: " + t.getMessage());
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    String top = firstLine(e.getMessage());
    String bottom = firstLine(root.getMessage());
    if (top.isEmpty()) {
      return clean(bottom.isEmpty() ? "failed (" + root.getClass().getSimpleName() + ")" : bottom);
    }
    return clean(root == e || bottom.isEmpty() || top.contains(bottom) ? top : top + ": " + bottom);
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  /** One line, without the qualified names of exception classes a driver puts in its messages. */
  private static String clean(String message) {
    // text from outside (a file name, a field) may hold control characters: shown escaped
    return LogText.escapeMessage(
        firstLine(message).replaceAll("\\b[\\w.$]*(Exception|Error)\\b:?\\s*", ""));
  }
}
