package dev.rehearse.question.catalog;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which levels each skill of a role has live items at, and how many items. */
@Singleton
public class SkillLevels {
  private final JdbcOperations jdbc;

  public SkillLevels(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Skill id to (level rank to item count), ranks in order. */
  @Connectable
  public Map<String, TreeMap<Integer, Integer>> of(String roleId) {
    String sql =
        "SELECT skill_id, level_rank, count(*) AS items FROM item"
            + " WHERE retired_at IS NULL AND roles @> jsonb_build_array(CAST(? AS text)) GROUP BY skill_id, level_rank";
    return jdbc.prepareStatement(
        sql,
        statement -> {
          statement.setString(1, roleId);
          Map<String, TreeMap<Integer, Integer>> out = new HashMap<>();
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getString("skill_id"), k -> new TreeMap<>())
                  .put(rs.getInt("level_rank"), rs.getInt("items"));
            }
          }
          return out;
        });
  }

  static List<String> labels(TreeMap<Integer, Integer> ranks) {
    return ranks.keySet().stream().map(r -> Level.ofRank(r).label()).toList();
  }
}
