package dev.rehearse.question.pack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The version of a pack in the bank; the checksum tells a re-import of the same content apart. */
@MappedEntity("content_pack")
public record StoredPack(
    @Id String id,
    int version,
    String title,
    String description,
    String checksum,
    Instant importedAt) {}
