package dev.rehearse.speech.catalog;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/**
 * speech's copy of a published item: enough to accept spoken answers and to drill pronunciation
 * terms.
 */
@MappedEntity("catalog_item")
public record CatalogItem(
    @Id String questionId,
    @Nullable String type,
    String text,
    @Nullable String termKey,
    @Nullable @TypeDef(type = DataType.JSON) Pronunciation pronunciation,
    @Nullable @TypeDef(type = DataType.JSON) DrillGrammar drill,
    Instant updatedAt) {

  public static final String PRONUNCIATION = "PRONUNCIATION";
}
