package dev.rehearse.speech.transcription;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/**
 * The normalised upload of a spoken attempt (16 kHz mono 16-bit LE PCM), kept until transcribed.
 */
@MappedEntity("spoken_audio")
public record SpokenAudio(@Id UUID attemptId, byte[] pcm) {}
