package wds.jobs.init;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OperatorException;
import wds.jobs.PseudonymSecret;
import wds.jobs.WdsHome;
import wds.pipeline.pseudonym.Pseudonymiser;

/**
 * {@code wds init}: makes a new home ready for its first load: its folders, and the
 * pseudonymisation secret (0600) every person key of the warehouse will be made with. It never
 * replaces a secret: a new one would give tomorrow's deliveries keys that match nothing loaded
 * today.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a home: its folders and the pseudonymisation secret (state/pseudonym.key, 0600).",
      "Back the secret up: without it, tomorrow's person keys do not match today's. An existing",
      "secret is never replaced."
    })
public final class InitCommand implements Callable<Integer> {

  @Mixin HomeOption homeOption;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    WdsHome planned = homeOption.home();
    if (Files.exists(planned.pseudonymKey())) {
      throw new OperatorException(
          "the home "
              + planned.root()
              + " has a pseudonymisation secret already ("
              + planned.pseudonymKey()
              + "); wds init never replaces one, since the warehouse's person keys are made with it");
    }
    WdsHome home = homeOption.create();
    PrintWriter out = spec.commandLine().getOut();
    out.println("wds init: created the home " + home.root());
    if (PseudonymSecret.fromEnvironment()) {
      out.println(
          "wds init: "
              + Pseudonymiser.ENV
              + " is set, so the secret comes from it and no key file was made.");
      out.println("  Keep that value backed up: without it, tomorrow's person keys do not match");
      out.println("  today's and no delivery links to what is already loaded.");
    } else {
      Pseudonymiser.load(home.pseudonymKey(), true);
      out.println(
          "wds init: created the pseudonymisation secret "
              + home.pseudonymKey()
              + " (readable by you only)");
      out.println("  Back it up now, somewhere safe and apart from this machine: every person key");
      out.println("  in the warehouse is made with it. Lost or replaced, tomorrow's keys do not");
      out.println("  match today's and no delivery links to what is already loaded.");
      out.println(
          "  (To keep it out of the home, put its content in "
              + Pseudonymiser.ENV
              + " and delete the file.)");
    }
    out.println(
        "Next: put deliveries in " + home.drop() + " and run wds load --home " + home.root());
    out.flush();
    return 0;
  }
}
