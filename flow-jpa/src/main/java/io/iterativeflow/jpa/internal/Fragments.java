package io.iterativeflow.jpa.internal;

import java.util.Collection;
import java.util.List;
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

    /** {@code column} is one of the texts bound with {@link #texts}. */
    String inTexts(String column, String parameter);

    /** Binds the texts of {@link #inTexts}. */
    SqlCall texts(SqlCall call, String parameter, List<String> values);

    /** The array {@code column} contains the text bound with {@link #containedText}. */
    String containsText(String column, String parameter);

    /** Binds the text of {@link #containsText}. */
    SqlCall containedText(SqlCall call, String parameter, String value);

    /** The pair of columns orders before the pair of parameters: {@code (a, b) < (:x, :y)}. */
    String before(String first, String firstParameter, String second, String secondParameter);
}
