package dev.rehearse.question.pack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The platform's problem body, with errors that also name the pack file and the item. */
@Serdeable
public record PackProblem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<PackError> errors,
    @Nullable String traceId) {}
