package dev.rehearse.speech.transcription;

import java.util.UUID;

/**
 * Raised in-process after a job is committed, so this instance's worker starts at once instead of
 * on its next tick.
 */
public record JobQueued(UUID attemptId) {}
