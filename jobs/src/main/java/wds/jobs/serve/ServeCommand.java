package wds.jobs.serve;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wds.jobs.HomeOption;
import wds.jobs.OperatorException;
import wds.jobs.WdsHome;

/**
 * The {@code wds serve} command: the county's monitoring dashboard in a browser, read-only, over
 * the current published snapshot, until stopped (Ctrl-C or SIGTERM). It binds to 127.0.0.1 unless
 * told otherwise, and refuses any other address while no user is configured ({@code wds user add}).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the monitoring dashboard (login required) and the public view.")
public final class ServeCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "the port (default ${DEFAULT-VALUE}; 0 for any free one)")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "the address to listen on (default ${DEFAULT-VALUE}: this machine only)")
  String bind;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new OperatorException("--port must be between 0 and 65535, not " + port);
    }
    WdsHome folders = home.create();
    if (!loopback(bind) && Users.of(folders.state()).isEmpty()) {
      throw new OperatorException(
          "refusing to serve on "
              + bind
              + " without any user: add one first with wds user add NAME --home "
              + folders.root());
    }
    // Tomcat logs through java.util.logging: into the home's log with the rest, not the console
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    ConfigurableApplicationContext context =
        WdsServeApplication.start(folders, bind, port, Map.of());
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        e -> {
          if (e instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    Runtime.getRuntime().addShutdownHook(new Thread(context::close, "wds-serve-stop"));
    int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wds serve: the dashboard of "
            + folders.root()
            + " at http://"
            + (bind.contains(":") ? "[" + bind + "]" : bind)
            + ":"
            + actual
            + "/ (public view: /public); Ctrl-C stops it");
    if (Users.of(folders.state()).isEmpty()) {
      out.println("no user yet: add one with wds user add NAME --home " + folders.root());
    }
    out.flush();
    closed.await();
    return 0;
  }

  /** Whether {@code address} is this machine only (127.0.0.0/8, ::1, localhost). */
  static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new OperatorException("--bind " + address + " is not an address of this machine");
    }
  }
}
