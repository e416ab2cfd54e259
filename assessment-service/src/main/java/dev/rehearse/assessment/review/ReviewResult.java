package dev.rehearse.assessment.review;

import dev.rehearse.assessment.scoring.AttemptView;
import io.micronaut.serde.annotation.Serdeable;

/** The review just recorded and the attempt as it now reads. */
@Serdeable
public record ReviewResult(AttemptReview review, AttemptView attempt) {}
