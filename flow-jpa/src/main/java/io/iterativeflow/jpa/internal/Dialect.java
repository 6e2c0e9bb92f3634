package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database the store runs on. PostgreSQL is the production database: its statements are single round trips
 * (data-modifying CTEs, {@code SKIP LOCKED}, {@code LISTEN/NOTIFY}). H2 is the embedded default for development and
 * demos: the same operations as several plain statements in one transaction, and polling instead of notifications.
 */
public enum Dialect {

    POSTGRESQL,
    H2;

    /** Reads the product name of the database behind {@code dataSource}; an unsupported one is refused. */
    public static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData());
        } catch (SQLException e) {
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "cannot connect to the iterativeflow database: "
                    + e.getMessage() + "; check the data source's URL, user and password", e);
        }
    }

    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "iterativeflow cannot store runs in " + product
                + "; point its data source at PostgreSQL (production) or H2 (development)");
    }
}
