package dev.rehearse.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds an account id anywhere in a schema: every text, character, uuid and JSON column of every
 * table, found through information_schema, so tables added later are searched too.
 */
public final class AccountTraces {
  private AccountTraces() {}

  /** {@code table.column} of every column holding {@code id}, with how many rows. */
  public static List<String> find(DataSource dataSource, String schema, String id) {
    try (Connection c = dataSource.getConnection()) {
      return search(c, schema, id);
    } catch (SQLException e) {
      throw new IllegalStateException("could not search " + schema, e);
    }
  }

  public static List<String> find(Connection c, String schema, String id) {
    try {
      return search(c, schema, id);
    } catch (SQLException e) {
      throw new IllegalStateException("could not search " + schema, e);
    }
  }

  private static List<String> search(Connection c, String schema, String id) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb')
            ORDER BY 1, 2""")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    List<String> found = new ArrayList<>();
    for (String[] column : columns) {
      String sql =
          "SELECT count(*) FROM \"%s\".\"%s\" WHERE strpos(\"%s\"::text, ?) > 0"
              .formatted(schema, column[0], column[1]);
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            found.add(column[0] + "." + column[1] + " (" + rs.getLong(1) + " rows)");
          }
        }
      }
    }
    return found;
  }
}
