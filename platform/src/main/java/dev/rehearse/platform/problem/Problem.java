package dev.rehearse.platform.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 7807 problem body: what was wrong and where. */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    List<FieldError> errors) {

  /** One input error; {@code field} names the parameter or JSON property at fault. */
  @Serdeable
  public record FieldError(@Nullable String field, String message) {}
}
