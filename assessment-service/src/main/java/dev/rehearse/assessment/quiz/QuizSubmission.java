package dev.rehearse.assessment.quiz;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("quiz_submission")
public record QuizSubmission(
    @Id UUID id, String candidateId, int correct, int total, Instant createdAt) {}
