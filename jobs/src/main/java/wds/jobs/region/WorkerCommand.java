package wds.jobs.region;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import wds.jobs.OperatorException;
import wds.jobs.WdsLogging;

/**
 * {@code wds worker --region FILE}: takes the region's county partitions from RabbitMQ, one at a
 * time, and runs each county's nightly, until stopped (SIGTERM, Ctrl-C). Any number of workers on
 * any machines that reach RabbitMQ, PostgreSQL and the counties' homes.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Take county partitions of a region from RabbitMQ and run them until stopped (remote mode).",
      "Needs the region file's RabbitMQ and PostgreSQL and the counties' homes; see jobs/REGIONS.md."
    })
public final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--region", required = true, paramLabel = "FILE", description = "the region file")
  Path region;

  @Override
  public Integer call() throws InterruptedException {
    RegionFile file = RegionFile.load(region);
    if (!file.partitioning().remote()) {
      throw new OperatorException(
          "region file " + file.file() + ": workers need partitioning mode remote");
    }
    file.createHomes();
    WdsLogging.toHome(file.home());
    ConfigurableApplicationContext context = RegionContext.start(file, "worker");
    // the step's flow first, then the consumer that feeds it
    context.getBean(IntegrationFlowContext.class).getRegistry().values().forEach(r -> r.start());
    context.getBean(AmqpInboundChannelAdapter.class).start();
    System.out.println(
        "wds worker: taking the counties of "
            + file.code()
            + " "
            + file.name()
            + " from "
            + file.partitioning().rabbitmq()
            + " (stop with Ctrl-C)");
    System.out.flush();
    new CountDownLatch(1).await();
    return 0;
  }
}
