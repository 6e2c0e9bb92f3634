package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database outage is logged once with its cause, summarised once a minute, and its end is logged. */
class OutageTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger origin = Logger.getLogger("outage-test.origin");
    private final Logger summary = Logger.getLogger("outage-test.summary");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Outage outage = new Outage(nanos::get, summary);

    @BeforeEach
    void capture() {
        for (Logger logger : List.of(origin, summary)) {
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
    }

    @AfterEach
    void release() {
        for (Logger logger : List.of(origin, summary)) {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void the_first_failure_of_an_outage_is_logged_with_its_cause_and_the_rest_are_summarised() {
        for (int i = 0; i < 100; i++) {
            outage.failed(origin, "claiming runs failed; trying again at the next poll", unavailable("refused"));
            nanos.addAndGet(Duration.ofMillis(100).toNanos());
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getThrown()).isInstanceOf(FlowException.class);
        assertThat(records.get(0).getMessage()).startsWith("claiming runs failed; trying again at the next poll")
                .contains("summarised once a minute");
        assertThat(outage.down()).isTrue();

        nanos.addAndGet(Duration.ofSeconds(51).toNanos());
        outage.failed(origin, "lease renewal failed; retrying at the next heartbeat", unavailable("still refused"));

        assertThat(records).hasSize(2);
        LogRecord line = records.get(1);
        assertThat(line.getThrown()).isNull();
        assertThat(line.getMessage()).contains("after 1m 1s", "101 failed operations",
                "lease renewal failed; retrying at the next heartbeat: [STORE_UNAVAILABLE]", "still refused");
    }

    @Test
    void the_end_of_an_outage_is_logged_once_and_a_new_outage_starts_afresh() {
        outage.failed(origin, "claiming runs failed", unavailable("refused"));
        outage.failed(origin, "claiming runs failed", unavailable("refused"));
        nanos.addAndGet(Duration.ofSeconds(75).toNanos());

        outage.reachable();
        outage.reachable();

        assertThat(records).hasSize(2);
        assertThat(records.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(records.get(1).getMessage()).contains("after 1m 15s", "2 failed operations");
        assertThat(outage.down()).isFalse();

        outage.failed(origin, "claiming runs failed", unavailable("refused again"));
        assertThat(records).hasSize(3);
        assertThat(records.get(2).getThrown()).hasMessageContaining("refused again");
    }

    @Test
    void failures_that_are_not_an_outage_are_logged_every_time_with_their_cause() {
        for (int i = 0; i < 3; i++) {
            outage.failed(origin, "claiming runs failed", new IllegalStateException("a bug"));
        }
        outage.reachable();

        assertThat(records).hasSize(3).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).hasMessage("a bug");
        });
        assertThat(outage.down()).isFalse();
    }

    @Test
    void durations_read_as_seconds_minutes_or_hours() {
        assertThat(Outage.readable(Duration.ofMillis(900))).isEqualTo("0s");
        assertThat(Outage.readable(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Outage.readable(Duration.ofSeconds(200))).isEqualTo("3m 20s");
        assertThat(Outage.readable(Duration.ofMinutes(125))).isEqualTo("2h 5m");
    }

    private static FlowException unavailable(String why) {
        return new FlowException(FlowErrorCode.STORE_UNAVAILABLE, why);
    }
}
