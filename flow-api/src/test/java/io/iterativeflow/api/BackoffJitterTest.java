package io.iterativeflow.api;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffJitterTest {

    @Test
    void exponential_backoff_spreads_its_delays_between_four_fifths_of_the_delay_and_the_delay() {
        Backoff backoff = Backoff.exponential(ofSeconds(1), ofMinutes(1));
        SplittableRandom random = new SplittableRandom(42);
        Set<Duration> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            seen.add(backoff.delay(3, random));
        }

        assertThat(backoff.jitter()).isEqualTo(Backoff.DEFAULT_JITTER);
        assertThat(seen).allSatisfy(d -> assertThat(d).isBetween(ofMillis(3200), ofSeconds(4)));
        assertThat(seen).as("runs that failed together do not retry together").hasSizeGreaterThan(500);
        assertThat(seen.stream().min(Duration::compareTo)).hasValueSatisfying(
                d -> assertThat(d).isLessThan(ofMillis(3250)));
        assertThat(seen.stream().max(Duration::compareTo)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(ofMillis(3950)));
    }

    @Test
    void the_extremes_of_the_random_draw_give_the_full_delay_and_its_floor() {
        Backoff backoff = Backoff.linear(ofSeconds(10), ofMinutes(1)).withJitter(0.5);

        assertThat(backoff.delay(2, drawing(0.0))).isEqualTo(ofSeconds(20));
        assertThat(backoff.delay(2, drawing(Math.nextDown(1.0)))).isBetween(ofSeconds(10), ofMillis(10_001));
        assertThat(backoff.delay(2, drawing(0.5))).isEqualTo(ofSeconds(15));
    }

    @Test
    void fixed_and_custom_backoff_wait_exactly_unless_given_jitter() {
        RandomGenerator half = drawing(0.5);

        assertThat(Backoff.fixed(ofSeconds(3)).delay(1, half)).isEqualTo(ofSeconds(3));
        assertThat(Backoff.custom(r -> ofSeconds(r)).delay(4, half)).isEqualTo(ofSeconds(4));
        assertThat(Backoff.fixed(ofSeconds(4)).withJitter(1).delay(1, half)).isEqualTo(ofSeconds(2));
    }

    @Test
    void no_jitter_waits_the_computed_delay() {
        Backoff exact = Backoff.exponential(ofSeconds(1), ofMinutes(1)).withJitter(0);

        assertThat(exact.delay(2, drawing(0.99))).isEqualTo(ofSeconds(2));
        assertThat(exact.delay(2)).isEqualTo(ofSeconds(2));
    }

    @Test
    void jitter_outside_zero_to_one_is_refused() {
        Backoff backoff = Backoff.defaultBackoff();

        assertThatThrownBy(() -> backoff.withJitter(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> backoff.withJitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.withJitter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A random source that always draws {@code value}. */
    private static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
