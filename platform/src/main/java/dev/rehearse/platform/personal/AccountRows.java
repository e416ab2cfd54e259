package dev.rehearse.platform.personal;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * Plain SQL for {@link PersonalData} beans, in the caller's transaction: rows as JSON-ready maps
 * (JSON columns parsed, times as instants, binary columns as their size) and deletes.
 */
@Singleton
public class AccountRows {
  private final JdbcOperations jdbc;
  private final ObjectMapper json;

  public AccountRows(JdbcOperations jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The rows {@code sql} selects, each column named as in the query. */
  public List<Map<String, Object>> list(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, params);
          List<Map<String, Object>> rows = new ArrayList<>();
          try (ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
              Map<String, Object> row = new LinkedHashMap<>();
              for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), value(rs.getObject(i)));
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  public int update(String sql, Object... params) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, params);
          return statement.executeUpdate();
        });
  }

  private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
  }

  private Object value(Object value) throws SQLException {
    if (value instanceof PGobject pg) {
      if (pg.getValue() == null) {
        return null;
      }
      if (pg.getType().startsWith("json")) {
        try {
          return json.readValue(pg.getValue(), Object.class);
        } catch (IOException e) {
          throw new SQLException("unreadable " + pg.getType() + " column", e);
        }
      }
      return pg.getValue();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof UUID u) {
      return u.toString();
    }
    if (value instanceof byte[] bytes) {
      return Map.of("bytes", bytes.length);
    }
    return value;
  }
}
