package dev.rehearse.speech.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.personal.AccountData;
import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.testsupport.AccountTraces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Spoken attempts (with their kept audio) and pronunciation attempts are in the export and are
 * erased; another account's stay, audio included.
 */
@MicronautTest(transactional = false)
class SpeechDataTest extends SpeechTestBase {
  @Inject AccountData data;
  @Inject AccountRows rows;
  @Inject TransactionOperations<Connection> tx;

  @Test
  void theExportShowsBothPartsAndErasureLeavesNoTraceNorAudio() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    UUID spokenA = candidate(a);
    UUID spokenB = candidate(b);

    Map<String, Object> export = tx.executeRead(s -> data.export(a));
    assertThat(export).containsOnlyKeys("spoken-attempts", "pronunciation-attempts");
    assertThat(export.get("spoken-attempts").toString())
        .contains("transcript of " + a)
        .contains("audio_bytes_kept=4");
    assertThat(export.get("pronunciation-attempts").toString()).contains("heard by " + a);
    assertThat(export.toString()).doesNotContain(b);
    List<String> before = traces(b);
    assertThat(traces(a)).hasSize(4).isEqualTo(before);

    tx.executeWrite(
        s -> {
          data.erase(a);
          data.erase(a); // again: harmless
          return null;
        });
    assertThat(traces(a)).isEmpty();
    assertThat(audio(spokenA)).isZero();
    assertThat(traces(b)).isEqualTo(before);
    assertThat(audio(spokenB)).isEqualTo(1);
  }

  /** 4 columns name the account: both candidate ids, the transcript and what was heard. */
  private UUID candidate(String id) {
    UUID attempt = UUID.randomUUID();
    write(
        "INSERT INTO spoken_attempt (id, candidate_id, question_id, status, percent,"
            + " duration_seconds, source_rate, source_channels, transcript, tries, created_at,"
            + " updated_at) VALUES (?, ?, 'q', 'TRANSCRIBED', 100, 2.0, 16000, 1, ?, 1, now(), now())",
        attempt,
        id,
        "transcript of " + id);
    write(
        "INSERT INTO spoken_audio (attempt_id, pcm) VALUES (?, ?)",
        attempt,
        new byte[] {1, 2, 3, 4});
    write(
        "INSERT INTO pronunciation_attempt (id, candidate_id, question_id, term, heard, verdict,"
            + " score, words, advice, created_at) VALUES (?, ?, 'q', 'NCCL', ?, 'GOOD', 90, '[]',"
            + " 'keep going', now())",
        UUID.randomUUID(),
        id,
        "heard by " + id);
    return attempt;
  }

  private long audio(UUID attempt) {
    return tx.executeRead(
        s ->
            (Long)
                rows.list("SELECT count(*) FROM spoken_audio WHERE attempt_id = ?", attempt)
                    .get(0)
                    .get("count"));
  }

  private List<String> traces(String id) {
    return tx.executeRead(s -> AccountTraces.find(s.getConnection(), "speech", id));
  }

  private void write(String sql, Object... params) {
    tx.executeWrite(s -> rows.update(sql, params));
  }
}
