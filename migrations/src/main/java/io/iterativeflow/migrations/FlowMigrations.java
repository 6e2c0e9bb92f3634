package io.iterativeflow.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the iterativeflow schema (PostgreSQL schema {@value #SCHEMA}) with Flyway, and reports its version for a
 * boot check.
 *
 * <p>{@link #migrate(DataSource)} is safe to call on every start and from several instances at once: Flyway holds a
 * PostgreSQL advisory lock while it migrates, so one instance applies the scripts and the others find them applied.
 * The history table is {@value #SCHEMA}.{@value #HISTORY_TABLE}, separate from any history table of the
 * application.
 */
public final class FlowMigrations {

    /** The PostgreSQL schema that holds every iterativeflow table. */
    public static final String SCHEMA = "workflow";
    /** Flyway's history table, inside {@link #SCHEMA}. */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** Where the SQL scripts for PostgreSQL live on the class path. */
    public static final String LOCATION = "classpath:db/migration/iterativeflow";
    /** Where the SQL scripts for H2, the embedded development database, live on the class path. */
    public static final String H2_LOCATION = "classpath:db/migration-h2/iterativeflow";

    /** The highest {@code V<n>__} script shipped in this jar; a test keeps it in step with the folder. */
    private static final int EXPECTED_VERSION = 3;

    private FlowMigrations() {
    }

    /**
     * Brings the schema to {@link #expectedVersion()}.
     *
     * @throws IllegalStateException when Flyway fails (the cause says why: no connection, a failed or changed script)
     */
    public static MigrationResult migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Flyway flyway = flyway(dataSource);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException first) {
            // Two instances on an empty database can both try to create the schema or the history table before
            // Flyway's lock exists; the loser finds everything in place on a second try.
            try {
                result = flyway.migrate();
            } catch (FlywayException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("iterativeflow schema migration failed in schema '" + SCHEMA
                        + "': " + e.getMessage(), e);
            }
        }
        int from = parse(result.initialSchemaVersion);
        int to = result.targetSchemaVersion == null ? from : parse(result.targetSchemaVersion);
        return new MigrationResult(from, to, result.migrationsExecuted);
    }

    /** The schema version this jar's scripts produce. */
    public static int expectedVersion() {
        return EXPECTED_VERSION;
    }

    /**
     * The version the database is at, read from the history table without Flyway (cheap): 0 when the schema or the
     * history table does not exist yet.
     *
     * @throws IllegalStateException when the database cannot be queried
     */
    public static int currentVersion(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Target target = Target.of(connection);
            try (ResultSet exists = connection.getMetaData().getTables(null, target.schema(), target.historyTable(),
                    null)) {
                if (!exists.next()) {
                    return 0;
                }
            }
            int version = 0;
            // Flyway quotes the names it creates: the columns are lower case on every database.
            try (ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"" + target.schema() + "\".\""
                    + target.historyTable() + "\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
                while (rows.next()) {
                    version = Math.max(version, parse(rows.getString(1)));
                }
            }
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the iterativeflow schema version from "
                    + SCHEMA + "." + HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file names of the scripts not yet applied, oldest first ({@code V1__init.sql}), for messages that say which
     * migration to run. Empty when Flyway cannot tell (the caller then names the versions).
     */
    public static List<String> pendingScripts(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            return Arrays.stream(flyway(dataSource).info().pending()).map(MigrationInfo::getScript).toList();
        } catch (FlywayException e) {
            return List.of();
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        Target target;
        try (Connection connection = dataSource.getConnection()) {
            target = Target.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database of the iterativeflow schema: "
                    + e.getMessage(), e);
        }
        return Flyway.configure(FlowMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(target.schema())
                .createSchemas(true)
                .table(target.historyTable())
                .locations(target.location())
                .callbackLocations(target.location())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }

    /**
     * The scripts and the spelling of the names for one database: PostgreSQL keeps unquoted names in lower case, H2
     * (by default) in upper case, and Flyway quotes the names it is given.
     */
    private record Target(String location, String schema, String historyTable) {

        static Target of(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String location = "H2".equalsIgnoreCase(meta.getDatabaseProductName()) ? H2_LOCATION : LOCATION;
            return meta.storesUpperCaseIdentifiers()
                    ? new Target(location, SCHEMA.toUpperCase(Locale.ROOT), HISTORY_TABLE.toUpperCase(Locale.ROOT))
                    : new Target(location, SCHEMA, HISTORY_TABLE);
        }
    }

    /** Major version of a Flyway version string ("1", "2.1"); 0 for none. */
    static int parse(String version) {
        if (version == null || version.isBlank() || "<< Empty Schema >>".equals(version)) {
            return 0;
        }
        String major = version.trim().split("[._]", 2)[0];
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
