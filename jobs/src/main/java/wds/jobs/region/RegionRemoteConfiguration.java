package wds.jobs.region;

import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Remote partitioning over RabbitMQ (Spring Batch Integration): the manager sends one request per
 * county to the region's queue and polls the shared PostgreSQL job repository until every partition
 * has ended; each {@code wds worker} takes one request at a time (prefetch 1, one consumer) and
 * acknowledges it only when the county's nightly has ended. A worker that dies leaves its request
 * unacknowledged: RabbitMQ gives it to another worker (or to the next worker that starts), which
 * runs the county's partition again; the county's load resumes as after any killed nightly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wds.region.mode", havingValue = "remote")
@EnableIntegration
@EnableBatchIntegration
class RegionRemoteConfiguration {

  /** How often the manager reads the job repository for ended partitions. */
  static final long POLL_MILLIS = 2_000;

  @Bean
  Queue countyRequestsQueue(RegionFile region) {
    return new Queue(queueName(region), true);
  }

  static String queueName(RegionFile region) {
    return "wds.region." + region.code() + ".counties";
  }

  /** Requests are Java-serialised StepExecutionRequests; nothing else is accepted. */
  @Bean
  SimpleMessageConverter countyRequestConverter() {
    SimpleMessageConverter converter = new SimpleMessageConverter();
    converter.setAllowedListPatterns(
        List.of("org.springframework.batch.integration.partition.*", "java.lang.*", "java.util.*"));
    return converter;
  }

  @Bean
  DirectChannel countyRequests() {
    return new DirectChannel();
  }

  // ---- manager

  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "manager", matchIfMissing = true)
  IntegrationFlow countyRequestsOut(
      ConnectionFactory connections,
      SimpleMessageConverter countyRequestConverter,
      RegionFile region,
      DirectChannel countyRequests) {
    RabbitTemplate template = new RabbitTemplate(connections);
    template.setMessageConverter(countyRequestConverter);
    AmqpOutboundEndpoint out = new AmqpOutboundEndpoint(template);
    out.setRoutingKey(queueName(region));
    return IntegrationFlow.from(countyRequests).handle(out).get();
  }

  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "manager", matchIfMissing = true)
  Step runCounties(
      RemotePartitioningManagerStepBuilderFactory managers,
      Partitioner countyPartitioner,
      DirectChannel countyRequests,
      RegionFile region,
      @Value("${wds.region.timeout-minutes:720}") long timeoutMinutes) {
    return managers
        .get("runCounties")
        .partitioner(RegionJobConfiguration.WORKER_STEP, countyPartitioner)
        .gridSize(region.counties().size())
        .outputChannel(countyRequests)
        .pollInterval(POLL_MILLIS)
        .timeout(timeoutMinutes * 60_000)
        .build();
  }

  // ---- worker

  /** The worker's consumer: one request at a time, acknowledged when its county has ended. */
  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "worker")
  AmqpInboundChannelAdapter countyRequestsIn(
      ConnectionFactory connections,
      SimpleMessageConverter countyRequestConverter,
      RegionFile region,
      DirectChannel countyRequests) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(queueName(region));
    container.setConcurrentConsumers(1);
    container.setPrefetchCount(1);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    // a request the worker cannot take (its step execution is gone: a manager's repository was
    // reset) is dropped, not requeued for ever; a worker that dies never acknowledges, and the
    // broker gives the request to another worker
    container.setDefaultRequeueRejected(false);
    AmqpInboundChannelAdapter in = new AmqpInboundChannelAdapter(container);
    in.setMessageConverter(countyRequestConverter);
    in.setOutputChannel(countyRequests);
    // started by the worker command once the step's flow listens (WorkerCommand)
    in.setAutoStartup(false);
    return in;
  }

  @Bean
  @ConditionalOnProperty(name = "wds.region.role", havingValue = "worker")
  Step countyNightly(
      RemotePartitioningWorkerStepBuilderFactory workers,
      DirectChannel countyRequests,
      Tasklet countyNightlyTasklet,
      PlatformTransactionManager transactions) {
    return workers
        .get(RegionJobConfiguration.WORKER_STEP)
        .inputChannel(countyRequests)
        .tasklet(countyNightlyTasklet, transactions)
        .build();
  }
}
