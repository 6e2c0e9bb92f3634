package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * One native statement through the EntityManager, with typed parameters (so a null binds with the right type) and
 * typed result columns. Every statement that compares or records time binds {@code :offsetMs} (see {@link Sql#NOW}).
 */
final class SqlCall {

    private final NativeQuery<?> query;
    private int columns;

    private SqlCall(NativeQuery<?> query) {
        this.query = query;
    }

    static SqlCall of(EntityManager em, String sql) {
        return new SqlCall(em.createNativeQuery(sql).unwrap(NativeQuery.class));
    }

    SqlCall text(String name, String value) {
        query.setParameter(name, value, String.class);
        return this;
    }

    SqlCall integer(String name, int value) {
        query.setParameter(name, value, Integer.class);
        return this;
    }

    SqlCall uuid(String name, UUID value) {
        query.setParameter(name, value, UUID.class);
        return this;
    }

    /** Binds a list of ids as a {@code uuid[]} literal; use it as {@code CAST(:name AS uuid[])}. */
    SqlCall uuids(String name, Collection<UUID> values) {
        return text(name, values.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    /** Binds a list of ids for {@code IN (:name)} (H2; PostgreSQL statements use {@link #uuids}). */
    SqlCall uuidList(String name, Collection<UUID> values) {
        query.setParameterList(name, values, UUID.class);
        return this;
    }

    /** Binds a list of texts for {@code IN (:name)} (H2). */
    SqlCall textList(String name, Collection<String> values) {
        query.setParameterList(name, values, String.class);
        return this;
    }

    /** Binds the elements of {@link H2Sql#textArray}: {@code :name0}, {@code :name1}, ... */
    SqlCall texts(String name, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            text(name + i, values.get(i));
        }
        return this;
    }

    SqlCall instant(String name, Instant value) {
        query.setParameter(name, value, Instant.class);
        return this;
    }

    /** Binds a duration as milliseconds; use it as {@code :name * INTERVAL '1 millisecond'}. */
    SqlCall millis(String name, Duration value) {
        query.setParameter(name, value.toMillis(), Long.class);
        return this;
    }

    /** Binds {@code :offsetMs}, the clock offset every time expression adds to {@code now()}. */
    SqlCall clock(FlowClock clock) {
        return millis("offsetMs", clock.offset());
    }

    /** Binds {@code :runId}, {@code :owner} and {@code :attempt} for {@link Sql#FENCED}. */
    SqlCall fence(Fence fence) {
        return uuid("runId", fence.runId()).text("owner", fence.owner()).integer("attempt", fence.attempt());
    }

    SqlCall column(String alias, Class<?> type) {
        query.addScalar(alias, type);
        columns++;
        return this;
    }

    /** Executes the statement and returns its rows, one array per row with the declared columns in order. */
    List<Object[]> rows() {
        List<?> raw = query.getResultList();
        List<Object[]> rows = new ArrayList<>(raw.size());
        for (Object row : raw) {
            rows.add(columns == 1 ? new Object[] {row} : (Object[]) row);
        }
        return rows;
    }

    /** Executes a statement that returns no rows; returns how many rows it changed. */
    int update() {
        return query.executeUpdate();
    }

    /** Executes a statement that returns exactly one row. */
    Object[] row() {
        List<Object[]> rows = rows();
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }
}
