package dev.rehearse.platform.identity;

import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventReader;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds the {@link DenyList}. Unlike the inbox listeners, every instance must see every revocation,
 * so each consumes in a group of its own ({@code <application>-access-<uuid>}) from the earliest
 * offset: a restarted instance replays what is still in force (the topic keeps a day; entries past
 * their {@code until} are skipped). Applying a revocation twice changes nothing.
 */
@KafkaListener(
    groupId = "${micronaut.application.name:rehearse}-access",
    uniqueGroupId = true,
    offsetReset = OffsetReset.EARLIEST,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_ON_ERROR,
            retryCount = 3,
            retryDelay = "200ms"))
public class AccessRevokedListener extends DeadLetteringListener {
  private static final String CONSUMER = "access-revocations";
  private final EventReader reader;
  private final DenyList denyList;

  public AccessRevokedListener(EventReader reader, DenyList denyList, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.reader = reader;
    this.denyList = denyList;
  }

  @Topic(Topics.GATEWAY_ACCESS)
  void revoked(ConsumerRecord<String, String> record) {
    reader.read(CONSUMER, record, AccessRevoked.class).ifPresent(denyList::apply);
  }
}
