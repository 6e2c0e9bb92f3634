package io.iterativeflow.migrations;

/**
 * What {@link FlowMigrations#migrate(javax.sql.DataSource)} did.
 *
 * @param fromVersion the schema version before the call, 0 when the schema did not exist
 * @param toVersion the schema version after the call
 * @param migrationsExecuted how many migrations this call applied; 0 when the schema was already current (or another
 *        instance migrated it while this one waited for the lock)
 */
public record MigrationResult(int fromVersion, int toVersion, int migrationsExecuted) {

    /** True when this call changed the schema. */
    public boolean changed() {
        return migrationsExecuted > 0;
    }
}
