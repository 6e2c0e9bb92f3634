/**
 * The iterativeflow database schema and its programmatic migration.
 *
 * <p>Public API: {@link io.iterativeflow.migrations.FlowMigrations} and
 * {@link io.iterativeflow.migrations.MigrationResult}. The SQL scripts in {@code db/migration/iterativeflow} are the
 * schema contract: released scripts are never edited, changes come as new {@code V<n>__} scripts (listed in
 * {@code UPGRADING.md}). Everything else in this jar is internal, no compatibility guaranteed.
 */
package io.iterativeflow.migrations;
