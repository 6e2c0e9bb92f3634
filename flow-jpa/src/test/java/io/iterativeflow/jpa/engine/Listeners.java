package io.iterativeflow.jpa.engine;

import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineBuilder;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Engine variants for the notification tests. */
final class Listeners {

    /** A poll so slow that only a notification (or a local wake-up) can explain prompt progress. */
    static final Duration NEVER = Duration.ofHours(1);

    private Listeners() {
    }

    /** The fast test settings, but polling only once an hour. */
    static UnaryOperator<EngineBuilder> pollingHourly() {
        return b -> b.settings(EngineFixture.FAST.withPollInterval(NEVER));
    }

    /** The fast test settings with another lease. */
    static UnaryOperator<EngineBuilder> lease(Duration lease) {
        return b -> b.settings(EngineFixture.FAST.withLeaseDuration(lease));
    }

    /** The fast test settings, not listening: everything is found by polling. */
    static UnaryOperator<EngineBuilder> deaf() {
        return b -> b.listen(ListenSettings.defaults().withEnabled(false));
    }

    /** Terminates the backend of the engine's listening connection; returns how many were terminated. */
    static long killListener(TestDatabase db, Engine engine) {
        return db.sql().count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()) t",
                "iterativeflow listener " + engine.instanceId());
    }
}
