package dev.rehearse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.PlatformTest;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/**
 * The consumer configuration every listener without its own gets carries the fast-failover group
 * settings, next to the service's own (the broker address is still there).
 */
@MicronautTest
class KafkaFailoverTest extends PlatformTest {
  @Inject AbstractKafkaConsumerConfiguration<?, ?> consumers;

  @Test
  void everyConsumerLeavesItsGroupTenSecondsAfterItsLastHeartbeat() {
    assertThat(consumers.getConfig())
        .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
        .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000")
        .containsEntry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000")
        .containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
  }
}
