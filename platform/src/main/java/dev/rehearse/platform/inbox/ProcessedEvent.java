package dev.rehearse.platform.inbox;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** Marks an event as handled by one consumer; its key is (event id, consumer). */
@MappedEntity("processed_event")
public record ProcessedEvent(@Id UUID eventId, String consumer, Instant processedAt) {}
