package dev.rehearse.assessment.meaning;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * One question's text vectors as stored: {@code vectors} packs a float32 vector per text, in order.
 */
@MappedEntity("question_vectors")
public record StoredVectors(
    @Id String questionId,
    Instant updatedAt,
    String model,
    @TypeDef(type = DataType.JSON) List<String> texts,
    byte[] vectors) {}
