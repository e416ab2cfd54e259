package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An assignment's template, named as POST /api/sessions names its fields, so the web app sends it
 * as it is (with the assignment's id); a practice set uses only {@code questionIds}. Missing time
 * limits take the session defaults.
 */
@Serdeable
public record SessionTemplate(
    String roleId,
    List<String> skills,
    @Nullable String level,
    @Nullable Integer questionCount,
    List<String> questionIds,
    @Nullable Integer thinkingSeconds,
    @Nullable Integer answerSeconds) {}
