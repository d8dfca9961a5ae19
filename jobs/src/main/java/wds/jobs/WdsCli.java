package wds.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wds} command line: one subcommand per thing an operator does. Commands that need the
 * Spring Batch application start it themselves, so {@code --help} and {@code generate} stay quick.
 */
@Command(
    name = "wds",
    mixinStandardHelpOptions = true,
    version = "wds 0.1.0",
    description = "Women's development statistics warehouse of Hutubi County (652323).",
    subcommands = {
      CommandLine.HelpCommand.class,
      wds.jobs.demo.DemoCommand.class,
      wds.jobs.generate.GenerateCommand.class,
      wds.jobs.load.LoadCommand.class,
      wds.jobs.publish.PublishCommand.class,
      wds.jobs.nightly.NightlyCommand.class,
      wds.jobs.schedule.ScheduleCommand.class,
      wds.jobs.query.QueryCommand.class,
      wds.jobs.status.StatusCommand.class,
      wds.jobs.load.BenchmarkLoadCommand.class,
      wds.jobs.seed.SeedSourcesCommand.class
    })
public final class WdsCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with every subcommand, as {@code main} runs it (tests run it the same way).
   */
  public static CommandLine commandLine() {
    return new CommandLine(new WdsCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
