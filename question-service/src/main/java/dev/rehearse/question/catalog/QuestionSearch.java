package dev.rehearse.question.catalog;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters and full-text search over the live items. {@code q} goes through PostgreSQL's {@code
 * websearch_to_tsquery} (quotes, OR and -word work; no syntax error is possible) and results are
 * ranked by {@code ts_rank}: a match in the text counts most, then tags, then the rest. Reads run
 * on a plain connection, not in a transaction: one round trip to the database per query.
 */
@Singleton
public class QuestionSearch {
  private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
  private final JdbcOperations jdbc;
  private final ObjectMapper json;

  public QuestionSearch(JdbcOperations jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Connectable
  public QuestionPage search(QuestionFilter f) {
    boolean text = f.q() != null;
    StringBuilder sql =
        new StringBuilder(
                "SELECT id, type, roles::text AS roles, skill_id, level, tags::text AS tags, text, ")
            .append(text ? "ts_rank(search, query)" : "NULL::real")
            .append(" AS rank, count(*) OVER () AS total FROM item");
    List<Object> params = new ArrayList<>();
    if (text) {
      sql.append(", websearch_to_tsquery('english', ?) query");
      params.add(f.q());
    }
    sql.append(" WHERE retired_at IS NULL");
    if (text) {
      sql.append(" AND search @@ query");
    }
    if (f.role() != null) {
      sql.append(" AND roles @> CAST(? AS jsonb)");
      params.add(toJson(List.of(f.role())));
    }
    if (f.skill() != null) {
      sql.append(" AND skill_id = ?");
      params.add(f.skill());
    }
    if (f.type() != null) {
      sql.append(" AND type = ?");
      params.add(f.type().name());
    }
    if (f.level() != null) {
      sql.append(" AND level_rank = ?");
      params.add(f.level().rank());
    }
    sql.append(text ? " ORDER BY rank DESC, level_rank, id" : " ORDER BY skill_id, level_rank, id")
        .append(" LIMIT ? OFFSET ?");
    params.add(f.size());
    params.add((long) f.page() * f.size());
    return jdbc.prepareStatement(
        sql.toString(),
        statement -> {
          bind(statement, params);
          List<QuestionSummary> items = new ArrayList<>();
          long total = 0;
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              Float rank = (Float) rs.getObject("rank");
              items.add(
                  new QuestionSummary(
                      rs.getString("id"),
                      ItemType.valueOf(rs.getString("type")),
                      fromJson(rs.getString("roles")),
                      rs.getString("skill_id"),
                      rs.getString("level"),
                      fromJson(rs.getString("tags")),
                      rs.getString("text"),
                      rank));
              total = rs.getLong("total");
            }
          }
          return new QuestionPage(
              items, f.page(), f.size(), total, (int) ((total + f.size() - 1) / f.size()));
        });
  }

  /** How many live items match the filters without paging: for a page past the end. */
  @Connectable
  public long count(QuestionFilter f) {
    QuestionPage first =
        search(new QuestionFilter(f.role(), f.skill(), f.type(), f.level(), f.q(), 0, 1));
    return first.total();
  }

  private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> fromJson(String value) {
    try {
      return json.readValue(value, STRINGS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
