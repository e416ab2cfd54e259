package dev.rehearse.platform.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * An event waiting to be published; written in the same transaction as the change it reports, with
 * the W3C {@code traceparent} of that transaction (null outside any trace).
 */
@MappedEntity("outbox_message")
public record OutboxMessage(
    @Id @GeneratedValue @Nullable Long seq,
    String topic,
    String messageKey,
    @Nullable String payload,
    Instant createdAt,
    @Nullable Instant sentAt,
    @Nullable String traceParent) {}
