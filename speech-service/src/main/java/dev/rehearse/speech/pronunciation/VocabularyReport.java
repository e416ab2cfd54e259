package dev.rehearse.speech.pronunciation;

import dev.rehearse.speech.catalog.DrillGrammar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * For content admins: per pronunciation term, whether its published spoken forms are in the
 * recogniser's vocabulary. OK: every form is; PARTLY: some are, the rest are ignored; FALLBACK:
 * none is, the drill uses the term itself or its letters; UNUSABLE: the term cannot be drilled.
 */
@Serdeable
public record VocabularyReport(int terms, int ok, int needsAttention, List<Entry> entries) {

  public enum Status {
    OK,
    PARTLY,
    FALLBACK,
    UNUSABLE
  }

  @Serdeable
  public record Entry(
      String questionId,
      String term,
      Status status,
      List<DrillGrammar.FormCheck> forms,
      List<String> accepted,
      List<String> confusions,
      @Nullable String fallback,
      @Nullable String advice) {}
}
