package dev.rehearse.speech.vosk;

import java.util.List;

/** What one recognizer pass heard; {@code text} is empty when it heard nothing. */
public record Recognition(String text, List<RecognizedWord> words) {
  public double meanConfidence() {
    return words.stream().mapToDouble(RecognizedWord::confidence).average().orElse(0);
  }
}
