package dev.rehearse.speech.vosk;

import io.micronaut.serde.annotation.Serdeable;

/** One word as Vosk heard it: seconds from the start of the clip, confidence 0-1. */
@Serdeable
public record RecognizedWord(String word, double start, double end, double confidence) {}
