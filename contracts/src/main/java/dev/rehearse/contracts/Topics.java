package dev.rehearse.contracts;

/** Kafka topic names. Every topic has a dead-letter twin named {@code <topic>.dlq}. */
public final class Topics {
  /** Compacted, keyed by question id; a tombstone retires the question. */
  public static final String CATALOG_QUESTIONS = "rehearse.catalog.questions";

  /** Keyed by attempt id. */
  public static final String SPEECH_TRANSCRIPTS = "rehearse.speech.transcripts";

  /** Keyed by candidate id: one scored pronunciation attempt. */
  public static final String SPEECH_PRONUNCIATIONS = "rehearse.speech.pronunciations";

  /** Keyed by candidate id. */
  public static final String ASSESSMENT_SCORED = "rehearse.assessment.scored";

  /** Keyed by candidate id: a coach's override or comment. */
  public static final String ASSESSMENT_REVIEWED = "rehearse.assessment.reviewed";

  /** Keyed by candidate id: a mock interview session that ended. */
  public static final String ASSESSMENT_SESSIONS = "rehearse.assessment.session-completed";

  /** Keyed by account id: an account that was deleted; every service erases its data. */
  public static final String GATEWAY_ACCOUNTS = "rehearse.gateway.account-deleted";

  /**
   * Keyed by account id: tokens the gateway revoked (sign-out, password or role change). Every
   * instance of every service reads all of it.
   */
  public static final String GATEWAY_ACCESS = "rehearse.gateway.access";

  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  /** Header on a dead letter saying why it could not be processed. */
  public static final String DLQ_REASON_HEADER = "rehearse.dlq.reason";

  private Topics() {}

  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
