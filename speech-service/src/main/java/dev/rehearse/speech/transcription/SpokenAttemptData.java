package dev.rehearse.speech.transcription;

import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.platform.personal.PersonalData;
import jakarta.inject.Singleton;

/**
 * Spoken answers: the transcription jobs with their transcripts and delivery figures, and the audio
 * kept when retention is on (exported as its size: the recording itself is not put in JSON).
 */
@Singleton
public class SpokenAttemptData implements PersonalData {
  private final AccountRows rows;

  public SpokenAttemptData(AccountRows rows) {
    this.rows = rows;
  }

  @Override
  public String section() {
    return "spoken-attempts";
  }

  @Override
  public Object export(String accountId) {
    return rows.list(
        "SELECT a.*, length(s.pcm) AS audio_bytes_kept FROM spoken_attempt a"
            + " LEFT JOIN spoken_audio s ON s.attempt_id = a.id"
            + " WHERE a.candidate_id = ? ORDER BY a.created_at",
        accountId);
  }

  @Override
  public void erase(String accountId) {
    rows.update(
        "DELETE FROM spoken_audio WHERE attempt_id IN"
            + " (SELECT id FROM spoken_attempt WHERE candidate_id = ?)",
        accountId);
    rows.update("DELETE FROM spoken_attempt WHERE candidate_id = ?", accountId);
  }
}
