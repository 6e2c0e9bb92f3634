package io.iterativeflow.jpa.internal;

import java.util.Collection;
import java.util.UUID;

/**
 * The SQL fragments that differ between PostgreSQL and H2, for statements that are otherwise the same text on both.
 * One instance per database ({@link PgFragments}, {@link H2Fragments}), chosen with the {@link Database}.
 */
interface Fragments {

    /** The engine's time: the database clock plus {@code :offsetMs}. */
    String now();

    /** {@link #now()} plus a duration bound with {@link SqlCall#millis}. */
    String nowPlus(String millisParameter);

    /** A JSON value read as text, for a result column. */
    String jsonText(String column);

    /** A NULL of type {@code timestamp with time zone}, for a column of a {@code UNION}. */
    String nullTimestamp();

    /** {@code column} is one of the ids bound with {@link #ids}. */
    String inIds(String column, String parameter);

    /** Binds a collection of ids for {@link #inIds}. */
    SqlCall ids(SqlCall call, String parameter, Collection<UUID> ids);
}
