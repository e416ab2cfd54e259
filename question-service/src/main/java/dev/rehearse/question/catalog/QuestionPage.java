package dev.rehearse.question.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of results; {@code page} counts from 0. */
@Serdeable
public record QuestionPage(
    List<QuestionSummary> items, int page, int size, long total, int totalPages) {}
