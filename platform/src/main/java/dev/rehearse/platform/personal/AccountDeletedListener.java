package dev.rehearse.platform.personal;

import dev.rehearse.contracts.AccountDeleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.inbox.DeadLetteringListener;
import dev.rehearse.platform.inbox.DeadLetters;
import dev.rehearse.platform.inbox.EventInbox;
import dev.rehearse.platform.inbox.InboxListener;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every service erases a deleted account's data when the gateway's {@link AccountDeleted} arrives:
 * once per service (one consumer group each, {@code <application>-account-deleted}), through the
 * inbox so a redelivery changes nothing; the erasure is idempotent besides. An unreadable event is
 * dead-lettered; a failing erasure is retried with growing delays, then dead-lettered.
 */
@InboxListener(groupId = "${micronaut.application.name:rehearse}-account-deleted")
public class AccountDeletedListener extends DeadLetteringListener {
  static final String CONSUMER = "account-deleted";
  private final EventInbox inbox;
  private final AccountData data;

  public AccountDeletedListener(EventInbox inbox, AccountData data, DeadLetters deadLetters) {
    super(deadLetters, CONSUMER);
    this.inbox = inbox;
    this.data = data;
  }

  @Topic(Topics.GATEWAY_ACCOUNTS)
  void deleted(ConsumerRecord<String, String> record) {
    inbox.accept(CONSUMER, record, AccountDeleted.class, e -> data.erase(e.accountId()));
  }
}
