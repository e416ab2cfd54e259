package dev.rehearse.question.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/**
 * One item of the bank. {@code text}, {@code tagText} and {@code detailText} feed the ranked search
 * vector (a generated column); a retired item is kept but no longer offered.
 */
@MappedEntity("item")
public record Item(
    @Id String id,
    String packId,
    ItemType type,
    @TypeDef(type = DataType.JSON) List<String> roles,
    String skillId,
    String level,
    int levelRank,
    @TypeDef(type = DataType.JSON) List<String> tags,
    String text,
    String tagText,
    String detailText,
    @TypeDef(type = DataType.JSON) ItemContent content,
    String contentHash,
    Instant updatedAt,
    @Nullable Instant retiredAt) {

  public boolean retired() {
    return retiredAt != null;
  }

  public Item retire(Instant at) {
    return new Item(
        id,
        packId,
        type,
        roles,
        skillId,
        level,
        levelRank,
        tags,
        text,
        tagText,
        detailText,
        content,
        contentHash,
        at,
        at);
  }
}
