package io.iterativeflow.jpa.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC for test assertions: each call is its own auto-committed statement. Parameters bind as {@code ?}; an {@code Instant} binds as a UTC timestamp. */
public final class SqlHelper {

    private final DataSource dataSource;

    public SqlHelper(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * Every row, as column label (in lower case, on every database) to value (a {@code timestamptz} as an
     * {@code Instant}, JSON as its text), in the order of the columns.
     */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT),
                            meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                            || "timestamptz".equals(meta.getColumnTypeName(i))
                            ? instant(rows.getObject(i, OffsetDateTime.class))
                            : "JSON".equals(meta.getColumnTypeName(i)) ? rows.getString(i) : rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The only row; fails when there is none or more than one. */
    public Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from '" + sql + "', got " + rows.size() + ": " + rows);
        }
        return rows.get(0);
    }

    /** The first column of the only row. */
    public Object value(String sql, Object... parameters) {
        return row(sql, parameters).values().iterator().next();
    }

    /** The first column of the only row as a long (counts). */
    public long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    /** Runs a statement that returns no rows; returns the update count. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
        return statement;
    }
}
