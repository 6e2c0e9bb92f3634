package io.iterativeflow.it.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.iterativeflow.it.TestDatabase;

/** Database-side views and actions for the outage tests, over a direct connection of the test JVM. */
final class Outages {

    private final TestDatabase database = TestDatabase.fromEnvironment();

    /** Runs among {@code runIds} that are running under a lease that has not run out yet. */
    long liveLeases(List<String> runIds) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from workflow.runs where id = any(?) and status = 'running'"
                        + " and lease_expires_at > now()")) {
            query.setArray(1, connection.createArrayOf("uuid", runIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Terminates every backend whose application name is {@code applicationName}; returns how many. */
    int terminate(String applicationName) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement terminate = connection.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, applicationName);
            try (ResultSet row = terminate.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
