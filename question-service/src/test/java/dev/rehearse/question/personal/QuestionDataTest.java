package dev.rehearse.question.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.platform.personal.AccountData;
import dev.rehearse.platform.personal.AccountRows;
import dev.rehearse.question.QuestionTestBase;
import dev.rehearse.testsupport.AccountTraces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Practice state (item schedules, skill mastery) is in the export and is erased; others' stays. */
@MicronautTest(transactional = false)
class QuestionDataTest extends QuestionTestBase {
  @Inject AccountData data;
  @Inject AccountRows rows;
  @Inject TransactionOperations<Connection> tx;

  @Test
  void theExportShowsPracticeStateAndErasureLeavesNoTrace() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    candidate(a);
    candidate(b);

    Map<String, Object> export = tx.executeRead(s -> data.export(a));
    assertThat(export).containsOnlyKeys("practice");
    assertThat(export.get("practice").toString())
        .contains("item-of-" + a.substring(0, 8))
        .contains("skill-of-" + a.substring(0, 8))
        .doesNotContain(b);
    List<String> before = traces(b);
    assertThat(traces(a)).hasSize(2).isEqualTo(before);

    tx.executeWrite(
        s -> {
          data.erase(a);
          data.erase(a); // again: harmless
          return null;
        });
    assertThat(traces(a)).isEmpty();
    assertThat(traces(b)).isEqualTo(before);
  }

  private void candidate(String id) {
    write(
        "INSERT INTO item_review (candidate_id, item_id, stability, difficulty, interval_days,"
            + " due_at, last_score, reviews, reviewed_at) VALUES (?, ?, 3.2, 5.3, 3, now(), 80, 1,"
            + " now())",
        id,
        "item-of-" + id.substring(0, 8));
    write(
        "INSERT INTO skill_progress (candidate_id, skill_id, attempts, mastery, last_score,"
            + " updated_at) VALUES (?, ?, 1, 0.5, 80, now())",
        id,
        "skill-of-" + id.substring(0, 8));
  }

  private List<String> traces(String id) {
    return tx.executeRead(s -> AccountTraces.find(s.getConnection(), "question", id));
  }

  private void write(String sql, Object... params) {
    tx.executeWrite(s -> rows.update(sql, params));
  }
}
