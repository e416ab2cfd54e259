package dev.rehearse.speech.pronunciation;

import dev.rehearse.speech.vosk.RecognizedWord;
import java.util.List;

/**
 * A judged drill before it is stored: what was heard ("[unk]" when nothing), verdict, score 0-100,
 * advice.
 */
record DrillResult(
    String heard, Verdict verdict, int score, List<RecognizedWord> words, String advice) {}
