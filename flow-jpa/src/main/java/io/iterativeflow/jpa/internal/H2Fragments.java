package io.iterativeflow.jpa.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** H2's {@link Fragments}: ids bound as a list, one placeholder each ({@code IN (...)}). */
final class H2Fragments implements Fragments {

    static final H2Fragments INSTANCE = new H2Fragments();

    private H2Fragments() {
    }

    @Override
    public String now() {
        return H2Sql.NOW;
    }

    @Override
    public String nowPlus(String millisParameter) {
        return H2Sql.nowPlus(millisParameter);
    }

    @Override
    public String jsonText(String column) {
        return "CAST(" + column + " AS VARCHAR)";
    }

    @Override
    public String nullTimestamp() {
        return "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";
    }

    @Override
    public String inIds(String column, String parameter) {
        return column + " IN (:" + parameter + ")";
    }

    @Override
    public SqlCall ids(SqlCall call, String parameter, Collection<UUID> ids) {
        return call.uuidList(parameter, ids);
    }
    @Override
    public String inTexts(String column, String parameter) {
        return column + " IN (:" + parameter + ")";
    }

    @Override
    public SqlCall texts(SqlCall call, String parameter, List<String> values) {
        return call.textList(parameter, values);
    }

    @Override
    public String containsText(String column, String parameter) {
        return "ARRAY_CONTAINS(" + column + ", :" + parameter + ")";
    }

    @Override
    public SqlCall containedText(SqlCall call, String parameter, String value) {
        return call.text(parameter, value);
    }

    /** Without a row comparison. */
    @Override
    public String before(String first, String firstParameter, String second, String secondParameter) {
        return "(" + first + " < :" + firstParameter + " OR (" + first + " = :" + firstParameter + " AND " + second
                + " < :" + secondParameter + "))";
    }
}
