package dev.rehearse.assessment.scoring;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What the scorer expects of an answer's length, for the answer box's hint and word counter: an
 * answer with fewer than {@code expectedWords} content words is capped at {@code briefCap} even
 * with every concept, one under {@code veryBriefWords} at {@code veryBriefCap}. Content words are
 * the words not in {@code stopWords}, counted as the scorer counts them.
 */
@Serdeable
public record AnswerGuide(
    String questionId,
    int expectedWords,
    int veryBriefWords,
    int briefCap,
    int veryBriefCap,
    List<String> stopWords) {}
