package dev.rehearse.speech.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a drill listens for, built when a term is imported: {@code accepted} are the spoken forms
 * the model can recognise, {@code confusions} the usual wrong sayings (the letters of a term said
 * as a word, the published common mistake). {@code forms} is the vocabulary check of each published
 * form; {@code fallback} says how {@code accepted} was made when no published form was usable.
 */
@Serdeable
public record DrillGrammar(
    List<String> accepted,
    List<String> confusions,
    List<FormCheck> forms,
    @Nullable String fallback) {

  public boolean usable() {
    return !accepted.isEmpty();
  }

  /** One published spoken form, normalised, with the words the model does not know. */
  @Serdeable
  public record FormCheck(String form, List<String> unknownWords) {
    public boolean inVocabulary() {
      return unknownWords.isEmpty();
    }
  }
}
