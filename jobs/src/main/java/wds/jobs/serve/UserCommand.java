package wds.jobs.serve;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;

/**
 * The {@code wds user} command: adds and removes the dashboard's users ({@link Users}). A password
 * is asked twice without echo on a terminal; a script pipes it on standard input (one line).
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Adds or removes a user of the dashboard (wds serve).",
    subcommands = {UserCommand.Add.class, UserCommand.Remove.class})
public final class UserCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code wds user add NAME}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds a user, or sets a new password: asked twice without echo, or one line on stdin.")
  public static final class Add implements Callable<Integer> {

    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME", description = "the user's login name")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      WdsHome created = home.create();
      char[] password = password();
      try {
        boolean added = Users.of(created.state()).put(name, password);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            (added ? "added user " : "new password for user ")
                + name
                + " ("
                + Users.of(created.state()).file()
                + ")");
        out.flush();
        return 0;
      } finally {
        Arrays.fill(password, ' ');
      }
    }

    private static char[] password() {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("password for the dashboard: ");
        char[] second = console.readPassword("the same again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
          throw new OperatorException("the two passwords differ: nothing changed");
        }
        Arrays.fill(second, ' ');
        return first;
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new OperatorException("no password on standard input: nothing changed");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code wds user remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user.")
  public static final class Remove implements Callable<Integer> {

    @Mixin HomeOption home;

    @Parameters(paramLabel = "NAME", description = "the user's login name")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (!Users.of(home.home().state()).remove(name)) {
        throw new OperatorException("no user " + name + " in " + home.home().state());
      }
      spec.commandLine().getOut().println("removed user " + name);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
