package io.iterativeflow.jpa.internal;

import java.util.Collection;
import java.util.List;
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
    @Override
    public String inTexts(String column, String parameter) {
        return column + " = ANY(CAST(:" + parameter + " AS text[]))";
    }

    @Override
    public SqlCall texts(SqlCall call, String parameter, List<String> values) {
        return call.text(parameter, Sql.textArray(values));
    }

    @Override
    public String containsText(String column, String parameter) {
        return column + " @> CAST(:" + parameter + " AS text[])";
    }

    @Override
    public SqlCall containedText(SqlCall call, String parameter, String value) {
        return call.text(parameter, Sql.textArray(List.of(value)));
    }

    @Override
    public String before(String first, String firstParameter, String second, String secondParameter) {
        return "(" + first + ", " + second + ") < (:" + firstParameter + ", :" + secondParameter + ")";
    }
}
