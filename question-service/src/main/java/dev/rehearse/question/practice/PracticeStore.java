package dev.rehearse.question.practice;

import dev.rehearse.question.catalog.ItemType;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what a practice set is planned from, and records scored answers into the schedules. */
@Singleton
public class PracticeStore {
  private final JdbcOperations jdbc;

  public PracticeStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** What a practice set is planned from, read on one connection. */
  public record Snapshot(
      List<PracticePlanner.Candidate> items,
      Map<String, Review> reviews,
      Map<String, SkillProgress> progress) {}

  @Connectable
  public Snapshot snapshot(String candidateId, String roleId, Collection<ItemType> types) {
    return new Snapshot(items(roleId, types), reviews(candidateId), progress(candidateId));
  }

  /** The live items of a role of the given types. */
  private List<PracticePlanner.Candidate> items(String roleId, Collection<ItemType> types) {
    String sql =
        "SELECT id, type, skill_id, level_rank, text FROM item WHERE retired_at IS NULL"
            + " AND roles @> jsonb_build_array(CAST(? AS text)) AND type = ANY (?)";
    return jdbc.prepareStatement(
        sql,
        statement -> {
          statement.setString(1, roleId);
          statement.setArray(
              2,
              statement
                  .getConnection()
                  .createArrayOf("varchar", types.stream().map(Enum::name).toArray()));
          List<PracticePlanner.Candidate> out = new ArrayList<>();
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new PracticePlanner.Candidate(
                      rs.getString("id"),
                      ItemType.valueOf(rs.getString("type")),
                      rs.getString("skill_id"),
                      rs.getInt("level_rank"),
                      rs.getString("text")));
            }
          }
          return out;
        });
  }

  private Map<String, Review> reviews(String candidateId) {
    String sql = "SELECT * FROM item_review WHERE candidate_id = ?";
    return jdbc.prepareStatement(
        sql,
        statement -> {
          statement.setString(1, candidateId);
          Map<String, Review> out = new HashMap<>();
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString("item_id"), review(rs));
            }
          }
          return out;
        });
  }

  private Map<String, SkillProgress> progress(String candidateId) {
    String sql = "SELECT * FROM skill_progress WHERE candidate_id = ?";
    return jdbc.prepareStatement(
        sql,
        statement -> {
          statement.setString(1, candidateId);
          Map<String, SkillProgress> out = new HashMap<>();
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              out.put(
                  rs.getString("skill_id"),
                  new SkillProgress(
                      rs.getInt("attempts"),
                      rs.getDouble("mastery"),
                      rs.getInt("last_score"),
                      rs.getTimestamp("updated_at").toInstant()));
            }
          }
          return out;
        });
  }

  /** Joins the inbox's transaction: the schedule changes exactly once per scored event. */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void recordScore(
      String candidateId, String itemId, String skillId, int score, Instant at) {
    Review review = Review.next(lockedReview(candidateId, itemId), score, at);
    jdbc.prepareStatement(
        """
        INSERT INTO item_review (candidate_id, item_id, stability, difficulty, interval_days, due_at, last_score, reviews, reviewed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (candidate_id, item_id) DO UPDATE SET stability = EXCLUDED.stability,
          difficulty = EXCLUDED.difficulty, interval_days = EXCLUDED.interval_days, due_at = EXCLUDED.due_at,
          last_score = EXCLUDED.last_score, reviews = EXCLUDED.reviews, reviewed_at = EXCLUDED.reviewed_at""",
        s -> {
          s.setString(1, candidateId);
          s.setString(2, itemId);
          s.setDouble(3, review.stability());
          s.setDouble(4, review.difficulty());
          s.setInt(5, review.intervalDays());
          s.setTimestamp(6, Timestamp.from(review.dueAt()));
          s.setInt(7, review.lastScore());
          s.setInt(8, review.reviews());
          s.setTimestamp(9, Timestamp.from(review.reviewedAt()));
          return s.executeUpdate();
        });
    SkillProgress progress = SkillProgress.next(lockedProgress(candidateId, skillId), score, at);
    jdbc.prepareStatement(
        """
        INSERT INTO skill_progress (candidate_id, skill_id, attempts, mastery, last_score, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (candidate_id, skill_id) DO UPDATE SET attempts = EXCLUDED.attempts, mastery = EXCLUDED.mastery,
          last_score = EXCLUDED.last_score, updated_at = EXCLUDED.updated_at""",
        s -> {
          s.setString(1, candidateId);
          s.setString(2, skillId);
          s.setInt(3, progress.attempts());
          s.setDouble(4, progress.mastery());
          s.setInt(5, progress.lastScore());
          s.setTimestamp(6, Timestamp.from(progress.updatedAt()));
          return s.executeUpdate();
        });
  }

  private Review lockedReview(String candidateId, String itemId) {
    return jdbc.prepareStatement(
        "SELECT * FROM item_review WHERE candidate_id = ? AND item_id = ? FOR UPDATE",
        s -> {
          s.setString(1, candidateId);
          s.setString(2, itemId);
          try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? review(rs) : null;
          }
        });
  }

  private SkillProgress lockedProgress(String candidateId, String skillId) {
    return jdbc.prepareStatement(
        "SELECT * FROM skill_progress WHERE candidate_id = ? AND skill_id = ? FOR UPDATE",
        s -> {
          s.setString(1, candidateId);
          s.setString(2, skillId);
          try (ResultSet rs = s.executeQuery()) {
            return rs.next()
                ? new SkillProgress(
                    rs.getInt("attempts"),
                    rs.getDouble("mastery"),
                    rs.getInt("last_score"),
                    rs.getTimestamp("updated_at").toInstant())
                : null;
          }
        });
  }

  private static Review review(ResultSet rs) throws SQLException {
    return new Review(
        rs.getDouble("stability"),
        rs.getDouble("difficulty"),
        rs.getInt("interval_days"),
        rs.getTimestamp("due_at").toInstant(),
        rs.getInt("last_score"),
        rs.getInt("reviews"),
        rs.getTimestamp("reviewed_at").toInstant());
  }
}
