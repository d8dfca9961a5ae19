package wds.jobs;

import java.io.PrintStream;

/**
 * What a long command shows while it works: on a terminal, one live line per step, rewritten in
 * place as the step advances and left standing when it ends; elsewhere (cron, the scheduler, a
 * pipe), one plain line when each step ends, so a log of the run reads the same events without the
 * noise of every update.
 */
public final class ConsoleProgress {

  private final PrintStream out;
  private final boolean terminal;
  private String liveStep;
  private int liveWidth;

  public ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Progress on {@code out}, live when the process writes to a terminal. */
  public static ConsoleProgress on(PrintStream out) {
    return new ConsoleProgress(out, System.console() != null && out == System.out);
  }

  /** The step has come this far (shown live on a terminal only). */
  public synchronized void update(String step, String text) {
    if (!terminal) {
      return;
    }
    if (liveStep != null && !liveStep.equals(step)) {
      out.print('\n');
    }
    rewrite(text);
    liveStep = step;
    out.flush();
  }

  /**
   * The step has ended: its last line stays. On a terminal it takes the place of the live line, its
   * own or another step's (two load lanes at once); a step still going shows again, on the next
   * line, at its next update.
   */
  public synchronized void done(String step, String text) {
    if (terminal && liveStep != null) {
      rewrite(text);
      out.print('\n');
    } else {
      out.println(text);
    }
    liveStep = null;
    liveWidth = 0;
    out.flush();
  }

  private void rewrite(String text) {
    int width = text.length();
    out.print('\r');
    out.print(text);
    if (liveWidth > width) {
      out.print(" ".repeat(liveWidth - width));
    }
    liveWidth = width;
  }
}
