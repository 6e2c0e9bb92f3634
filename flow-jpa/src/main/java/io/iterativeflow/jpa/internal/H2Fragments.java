package io.iterativeflow.jpa.internal;

import java.util.Collection;
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
}
