package io.iterativeflow.it.faults;

import java.net.URI;

import io.iterativeflow.it.TestDatabase;

/** The test database as a server sees it through a {@link TcpRelay}: the same database, another address. */
final class RelayedDatabase {

    private RelayedDatabase() {
    }

    /** A relay to the test database's host and port. */
    static TcpRelay relayTo(TestDatabase database) throws java.io.IOException {
        URI address = address(database);
        return new TcpRelay(address.getHost(), address.getPort() < 0 ? 5432 : address.getPort());
    }

    /** {@code database} with its URL pointing at {@code relay} instead. */
    static TestDatabase through(TcpRelay relay, TestDatabase database) {
        URI address = address(database);
        String rest = address.getRawPath() + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery());
        return new TestDatabase("jdbc:postgresql://127.0.0.1:" + relay.port() + rest, database.user(),
                database.password());
    }

    /** {@code database} with {@code name} as the application name of every connection, to find them in PostgreSQL. */
    static TestDatabase named(TestDatabase database, String name) {
        String separator = database.url().contains("?") ? "&" : "?";
        return new TestDatabase(database.url() + separator + "ApplicationName=" + name, database.user(),
                database.password());
    }

    private static URI address(TestDatabase database) {
        if (!database.url().startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("the outage tests need a PostgreSQL URL, not " + database.url());
        }
        return URI.create(database.url().substring("jdbc:".length()));
    }
}
