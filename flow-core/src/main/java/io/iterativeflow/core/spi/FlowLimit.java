package io.iterativeflow.core.spi;

import java.time.Duration;

/**
 * The claim limits of one flow (all its versions), across all instances: at most {@code maxConcurrency} runs running
 * at once, at most {@code rateLimit} claims per {@code ratePeriod}. 0 means no such limit.
 *
 * @param maxConcurrency 1 or more, or 0 for none
 * @param rateLimit      1 or more, or 0 for none
 * @param ratePeriod     the rate limit's window, 1 second or more; null when there is no rate limit
 */
public record FlowLimit(int maxConcurrency, int rateLimit, Duration ratePeriod) {

    public FlowLimit {
        if (maxConcurrency < 0 || rateLimit < 0) {
            throw new IllegalArgumentException("limits are 0 (none) or positive");
        }
        if (rateLimit > 0 && (ratePeriod == null || ratePeriod.compareTo(Duration.ofSeconds(1)) < 0)) {
            throw new IllegalArgumentException("a rate limit needs a period of 1 second or more");
        }
        if (rateLimit == 0) {
            ratePeriod = null;
        }
    }

    /** Whether the flow has any limit. */
    public boolean limited() {
        return maxConcurrency > 0 || rateLimit > 0;
    }
}
