package dev.rehearse.question.pack;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;

/**
 * A pack sent as JSON: each file's path inside the pack ({@code items/quiz.yml}) to its YAML text.
 */
@Serdeable
public record PackUpload(@NotEmpty Map<String, String> files) {}
