package io.iterativeflow.jpa.internal;

import java.util.Collection;
import java.util.UUID;

/** PostgreSQL's {@link Fragments}: ids bound as one {@code uuid[]} parameter, so the statement text never varies. */
final class PgFragments implements Fragments {

    static final PgFragments INSTANCE = new PgFragments();

    private PgFragments() {
    }

    @Override
    public String now() {
        return Sql.NOW;
    }

    @Override
    public String nowPlus(String millisParameter) {
        return Sql.nowPlus(millisParameter);
    }

    @Override
    public String jsonText(String column) {
        return "CAST(" + column + " AS text)";
    }

    @Override
    public String nullTimestamp() {
        return "CAST(NULL AS timestamptz)";
    }

    @Override
    public String inIds(String column, String parameter) {
        return column + " = ANY(CAST(:" + parameter + " AS uuid[]))";
    }

    @Override
    public SqlCall ids(SqlCall call, String parameter, Collection<UUID> ids) {
        return call.uuids(parameter, ids);
    }
}
