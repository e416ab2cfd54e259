package dev.rehearse.gateway.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One event to push to a candidate; {@code id} is the SSE event id, increasing in commit order.
 * {@code traceParent}: the trace the event was stored in, continued when it is pushed.
 */
@MappedEntity("live_event")
public record LiveEvent(
    @Id @GeneratedValue Long id,
    UUID eventId,
    String candidateId,
    String kind,
    String payload,
    Instant createdAt,
    @Nullable String traceParent) {}
