package dev.rehearse.speech.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.contracts.QuestionPublished.Pronunciation;
import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.vosk.VoskEngine;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every drill of the shipped pack (read from question-service beside this module) works with the
 * offline model: one of its own spoken forms is in the model's vocabulary, so no drill falls back
 * to spelling the term, and every mistake it warns about is too, so the drill can catch it.
 */
@MicronautTest
class PackVocabularyTest extends SpeechTestBase {
  static final Path DRILLS =
      Path.of(
          "../question-service/src/main/resources/packs/ml-infrastructure/items/pronunciation.yml");

  @Inject DrillGrammars grammars;
  @Inject VoskEngine vosk;

  @Test
  void everyDrillOfThePackHearsItsFormsAndItsMistakes() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> items = items();
    assertThat(items).hasSizeGreaterThan(40);
    for (Map<String, Object> item : items) {
      Pronunciation p = pronunciation(item);
      DrillGrammar grammar = grammars.build(p);
      if (grammar.fallback() != null || !grammar.usable()) {
        problems.add(
            item.get("id") + ": no spoken form in the model's vocabulary " + grammar.forms());
      }
      for (String mistake : p.mistakes()) {
        List<String> unknown = vosk.unknownWords(DrillGrammars.normalise(mistake));
        if (!unknown.isEmpty()) {
          problems.add(item.get("id") + ": mistake '" + mistake + "' has unknown words " + unknown);
        }
      }
    }
    assertThat(problems).as("drills the offline model cannot run as written").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Pronunciation pronunciation(Map<String, Object> item) {
    return new Pronunciation(
        String.valueOf(item.get("term")),
        (String) item.get("saidAs"),
        (List<String>) item.get("spokenForms"),
        (String) item.get("stress"),
        (String) item.get("commonMistake"),
        (String) item.get("kind"),
        (List<String>) item.get("mistakes"));
  }

  private static List<Map<String, Object>> items() throws IOException {
    try (Reader in = Files.newBufferedReader(DRILLS)) {
      Map<String, List<Map<String, Object>>> doc = new Yaml().load(in);
      return doc.get("items");
    }
  }
}
