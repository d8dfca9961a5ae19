package wds.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code wds} command line: one subcommand per thing an operator does. Commands that need the
 * Spring Batch application start it themselves, so {@code --help} and {@code generate} stay quick.
 *
 * <p>Exit codes: 0 done, 1 failed (one line on the console, the trace in {@code <home>/logs/}), 2 a
 * delivery was refused or the command line was wrong (an unknown command or option, with picocli's
 * "did you mean", also when {@code --help} is given).
 */
@Command(
    name = "wds",
    mixinStandardHelpOptions = true,
    version = "wds 0.1.0",
    description = "Women's development statistics warehouse of Hutubi County (652323).")
public final class WdsCli implements Runnable {

  /**
   * The subcommands, in the order {@code wds --help} lists them. Not in {@code @Command}: picocli
   * builds the model of every listed subcommand (reflection over each class and the types its
   * fields and methods name) before parsing, which cost a third of {@code wds query}'s start;
   * {@link #commandLine(String...)} builds only the one the arguments name (README, "Start-up").
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          wds.jobs.init.InitCommand.class,
          wds.jobs.demo.DemoCommand.class,
          wds.jobs.generate.GenerateCommand.class,
          wds.jobs.load.LoadCommand.class,
          wds.jobs.publish.PublishCommand.class,
          wds.jobs.nightly.NightlyCommand.class,
          wds.jobs.schedule.ScheduleCommand.class,
          wds.jobs.query.QueryCommand.class,
          wds.jobs.status.StatusCommand.class,
          wds.jobs.report.ReportCommand.class,
          wds.jobs.report.BenchmarkReportCommand.class,
          wds.jobs.load.BenchmarkLoadCommand.class,
          wds.jobs.nightly.BenchmarkNightlyCommand.class,
          wds.jobs.startup.BenchmarkStartCommand.class,
          wds.jobs.seed.SeedSourcesCommand.class,
          wds.jobs.serve.ServeCommand.class,
          wds.jobs.serve.UserCommand.class,
          wds.jobs.serve.BenchmarkServeCommand.class,
          wds.jobs.region.WorkerCommand.class,
          wds.jobs.region.BenchmarkRegionCommand.class);

  private static final Logger log = LoggerFactory.getLogger(WdsCli.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "show the log on the console too (it always goes to <home>/logs/)")
  boolean verbose;

  public static void main(String[] args) {
    wds.jobs.region.ParentWatch.startIfAsked();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The command line with every subcommand, as {@code main} runs it for help, a mistyped command or
   * no command at all (tests run it the same way).
   */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for these arguments: only the subcommand they name (its own subcommands
   * included) when the first word that is not an option names one other than {@code help};
   * otherwise every subcommand, so that help lists them all and a mistyped name gets picocli's "did
   * you mean"; none for {@code --version} alone. The named subcommand parses, runs and fails
   * exactly as in the full tree.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return commandLine(List.of());
    }
    String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    for (Class<?> command : SUBCOMMANDS) {
      if (command != CommandLine.HelpCommand.class
          && first.equals(command.getAnnotation(Command.class).name())) {
        return commandLine(List.of(command));
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new WdsCli());
    subcommands.forEach(cli::addSubcommand);
    cli.setExecutionStrategy(WdsCli::execute);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          log.error("wds {} failed", command.getCommandName(), e);
          command.getErr().println("wds " + command.getCommandName() + ": " + OneLine.of(e));
          command.getErr().flush();
          return 1;
        });
    return cli;
  }

  /**
   * Runs the command the arguments name, after refusing arguments no command knows ({@code --help}
   * does not excuse them) and pointing the log at the command's home.
   */
  private static int execute(ParseResult parseResult) {
    List<ParseResult> chain = new ArrayList<>();
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      chain.add(p);
    }
    for (ParseResult p : chain) {
      if (!p.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(
            p.commandSpec().commandLine(), p.unmatched());
      }
    }
    WdsLogging.configure(chain.stream().anyMatch(p -> p.hasMatchedOption("--verbose")));
    OptionSpec home = chain.get(chain.size() - 1).commandSpec().findOption("--home");
    if (home != null && home.getValue() instanceof Path folder) {
      WdsLogging.toHome(new WdsHome(folder));
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
