package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * One native statement, run as a JDBC {@link PreparedStatement} on the connection of the EntityManager's transaction.
 * No Hibernate query object is created: the statement text with its {@code :name} parameters is translated to
 * positional form once per distinct text ({@link NamedSql}), and the driver keeps the parsed, server-prepared
 * statement per connection (PostgreSQL's driver prepares a statement on the server from its fifth use on that
 * connection; a container's pool caches the statement objects too). Parameters are typed, so a null binds with the
 * right type, and result columns are read by name ({@link Row}) into the caller's records. Every statement that
 * compares or records time binds {@code :offsetMs} (see {@link Sql#NOW}).
 *
 * <p>The store writes no entity through the EntityManager on these paths, so nothing is pending that a flush would
 * have to send before the statement runs.
 */
final class SqlCall {

    private final EntityManager em;
    private final NamedSql sql;
    private final Map<String, Binding> bindings = new HashMap<>();
    private boolean hasList;

    private SqlCall(EntityManager em, NamedSql sql) {
        this.em = em;
        this.sql = sql;
    }

    static SqlCall of(EntityManager em, String sql) {
        return new SqlCall(em, NamedSql.of(sql));
    }

    SqlCall text(String name, String value) {
        return bind(name, (ps, i) -> {
            if (value == null) {
                ps.setNull(i, Types.VARCHAR);
            } else {
                ps.setString(i, value);
            }
            return i + 1;
        });
    }

    SqlCall integer(String name, int value) {
        return bind(name, (ps, i) -> {
            ps.setInt(i, value);
            return i + 1;
        });
    }

    SqlCall uuid(String name, UUID value) {
        return bind(name, (ps, i) -> {
            if (value == null) {
                ps.setNull(i, Types.OTHER);
            } else {
                ps.setObject(i, value);
            }
            return i + 1;
        });
    }

    /** Binds a list of ids as a {@code uuid[]} literal; use it as {@code CAST(:name AS uuid[])}. */
    SqlCall uuids(String name, Collection<UUID> values) {
        return text(name, values.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    /** Binds a list of ids for {@code IN (:name)} (H2; PostgreSQL statements use {@link #uuids}). */
    SqlCall uuidList(String name, Collection<UUID> values) {
        return list(name, new ArrayList<>(values));
    }

    /** Binds a list of texts for {@code IN (:name)} (H2). */
    SqlCall textList(String name, Collection<String> values) {
        return list(name, new ArrayList<>(values));
    }

    /** Binds the elements of {@link H2Sql#textArray}: {@code :name0}, {@code :name1}, ... */
    SqlCall texts(String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            text(name + i, values.get(i));
        }
        return this;
    }

    SqlCall instant(String name, Instant value) {
        return bind(name, (ps, i) -> {
            if (value == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return i + 1;
        });
    }

    /** Binds a duration as milliseconds; use it as {@code :name * INTERVAL '1 millisecond'}. */
    SqlCall millis(String name, Duration value) {
        long millis = value.toMillis();
        return bind(name, (ps, i) -> {
            ps.setLong(i, millis);
            return i + 1;
        });
    }

    /** Binds {@code :offsetMs}, the clock offset every time expression adds to {@code now()}. */
    SqlCall clock(FlowClock clock) {
        return millis("offsetMs", clock.offset());
    }

    /** Binds {@code :runId}, {@code :owner} and {@code :attempt} for {@link Sql#FENCED}. */
    SqlCall fence(Fence fence) {
        return uuid("runId", fence.runId()).text("owner", fence.owner()).integer("attempt", fence.attempt());
    }

    /** Executes the statement and maps each row, read by column name, to a record of the caller's. */
    <T> List<T> list(RowMapper<T> mapper) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection); ResultSet rs = statement.executeQuery()) {
                Row row = new Row(rs);
                List<T> mapped = new ArrayList<>();
                while (rs.next()) {
                    mapped.add(mapper.map(row));
                }
                return mapped;
            }
        });
    }

    /** Executes a statement that returns exactly one row and maps it. */
    <T> T one(RowMapper<T> mapper) {
        List<T> rows = list(mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /** Executes a statement that returns no rows; returns how many rows it changed. */
    int update() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection)) {
                return statement.executeUpdate();
            }
        });
    }

    private SqlCall bind(String name, Binding binding) {
        bindings.put(name, binding);
        return this;
    }

    private SqlCall list(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty list cannot be bound to :" + name);
        }
        bindings.put(name, new ListBinding(values));
        hasList = true;
        return this;
    }

    private PreparedStatement prepare(Connection connection) throws SQLException {
        List<String> names = sql.parameters();
        String text = sql.positional();
        if (hasList) {
            text = sql.expanded(name -> bindings.get(name) instanceof ListBinding list ? list.values.size() : 1);
        }
        PreparedStatement statement = connection.prepareStatement(text);
        try {
            int index = 1;
            for (String name : names) {
                Binding binding = bindings.get(name);
                if (binding == null) {
                    throw new IllegalStateException("parameter :" + name + " is not bound in " + sql.named());
                }
                index = binding.bind(statement, index);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Object read(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(index);
        }
        if (type == Integer.class) {
            int value = rs.getInt(index);
            return rs.wasNull() ? null : value;
        }
        if (type == Long.class) {
            long value = rs.getLong(index);
            return rs.wasNull() ? null : value;
        }
        if (type == Boolean.class) {
            boolean value = rs.getBoolean(index);
            return rs.wasNull() ? null : value;
        }
        if (type == Instant.class) {
            OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        if (type == UUID.class) {
            Object value = rs.getObject(index);
            return value == null || value instanceof UUID ? value : UUID.fromString(value.toString());
        }
        if (type == String[].class) {
            java.sql.Array array = rs.getArray(index);
            if (array == null) {
                return null;
            }
            Object[] elements = (Object[]) array.getArray();
            String[] texts = new String[elements.length];
            for (int i = 0; i < elements.length; i++) {
                texts[i] = elements[i] == null ? null : elements[i].toString();
            }
            array.free();
            return texts;
        }
        return rs.getObject(index, type);
    }

    /** Maps the current row of a result to a record; reads its columns by name through {@link Row}. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /**
     * The current row of a result, its columns read by name (case-insensitive) with the type the caller expects.
     * Getters of primitive types refuse a NULL; their boxed twins ({@code nullableInteger}) return it.
     */
    static final class Row {

        private final ResultSet rs;

        private Row(ResultSet rs) {
            this.rs = rs;
        }

        String text(String column) throws SQLException {
            return rs.getString(column);
        }

        UUID uuid(String column) throws SQLException {
            return (UUID) read(rs, rs.findColumn(column), UUID.class);
        }

        int integer(String column) throws SQLException {
            return notNull(column, nullableInteger(column));
        }

        Integer nullableInteger(String column) throws SQLException {
            return (Integer) read(rs, rs.findColumn(column), Integer.class);
        }

        /** A {@code count(*)} or another BIGINT. */
        long count(String column) throws SQLException {
            return notNull(column, (Long) read(rs, rs.findColumn(column), Long.class));
        }

        boolean bool(String column) throws SQLException {
            return notNull(column, nullableBool(column));
        }

        Boolean nullableBool(String column) throws SQLException {
            return (Boolean) read(rs, rs.findColumn(column), Boolean.class);
        }

        Instant instant(String column) throws SQLException {
            return (Instant) read(rs, rs.findColumn(column), Instant.class);
        }

        String[] texts(String column) throws SQLException {
            return (String[]) read(rs, rs.findColumn(column), String[].class);
        }

        private static <V> V notNull(String column, V value) {
            if (value == null) {
                throw new IllegalStateException("column " + column + " is NULL");
            }
            return value;
        }
    }

    /** Binds one named parameter at {@code index}; returns the next free index. */
    @FunctionalInterface
    private interface Binding {
        int bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** A list for {@code IN (:name)}: one placeholder per element. */
    private record ListBinding(List<?> values) implements Binding {

        @Override
        public int bind(PreparedStatement statement, int index) throws SQLException {
            for (Object value : values) {
                if (value instanceof String text) {
                    statement.setString(index++, text);
                } else {
                    statement.setObject(index++, value);
                }
            }
            return index;
        }
    }
}
