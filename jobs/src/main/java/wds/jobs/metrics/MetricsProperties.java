package wds.jobs.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code wds schedule} serves its metrics ({@code wds.metrics.*}).
 *
 * @param port the TCP port of the Prometheus endpoint (0 picks a free one)
 * @param address the address to listen on (loopback unless configured otherwise)
 * @param refresh how old warehouse readings may be before a scrape takes new ones
 */
@ConfigurationProperties("wds.metrics")
public record MetricsProperties(
    @DefaultValue("9464") int port,
    @DefaultValue("127.0.0.1") String address,
    @DefaultValue("5m") Duration refresh) {}
