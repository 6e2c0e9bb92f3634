package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one seam between the store and its database: everything that differs between PostgreSQL and H2, chosen once
 * when the store is built. The store's classes hold the logic both databases share and call the statements of the
 * operations here ({@code Pg*} and {@code H2*} implementations of small per-operation interfaces) and the
 * {@link Fragments} that differ. No other class compares {@link Dialect}s.
 */
public final class Database {

    final Fragments fragments;
    final ClaimStatement claim;
    final History.Loader history;
    private final boolean embedded;

    private Database(Fragments fragments, ClaimStatement claim, boolean embedded) {
        this.fragments = fragments;
        this.claim = claim;
        this.history = new History.Loader(fragments);
        this.embedded = embedded;
    }

    /** The statements of {@code dialect}. */
    public static Database of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new Database(PgFragments.INSTANCE, new PgClaim(), false);
            case H2 -> new Database(H2Fragments.INSTANCE, new H2Claim(), true);
        };
    }

    /** Checks what the database must provide before the store uses it: H2's durable commits. */
    public void check(DataSource dataSource) {
        if (embedded) {
            H2Durability.enforce(dataSource);
        }
    }

    /** PostgreSQL's notifications on a dedicated connection; H2 has none (the engine polls). */
    public Optional<Notifications> notifications(DataSource dataSource) {
        return embedded ? Optional.empty() : Optional.of(new PgNotifications(dataSource));
    }
}
