package dev.rehearse.platform.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 problem body: what was wrong and where, and the trace id under which the services
 * logged the request, so a user's report leads to the logs.
 */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    List<FieldError> errors,
    @Nullable String traceId) {

  /** One input error; {@code field} names the parameter or JSON property at fault. */
  @Serdeable
  public record FieldError(@Nullable String field, String message) {}
}
