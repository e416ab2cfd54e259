package dev.rehearse.question.pack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One problem in a content pack: the file, the id of the entry at fault (item, skill, role or rule;
 * its position when it has no usable id), the field within it, and what is wrong.
 */
@Serdeable
public record PackError(
    String file, @Nullable String itemId, @Nullable String field, String message) {

  @Override
  public String toString() {
    return file
        + (itemId == null ? "" : " [" + itemId + "]")
        + (field == null ? "" : " " + field)
        + ": "
        + message;
  }
}
