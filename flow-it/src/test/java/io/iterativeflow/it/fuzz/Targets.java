package io.iterativeflow.it.fuzz;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the hostile requests aim at: the REST root's path on the server, a completed run, runs that wait for a declared
 * signal (reviewers), runs that sleep for an hour and never read a signal (sleepers, which take any undeclared one),
 * and the guarded run, which only ever gets requests that must be refused.
 */
record Targets(String api, String completed, String guarded, List<String> reviewers, List<String> sleepers) {

    String reviewer(Random random) {
        return reviewers.get(random.nextInt(reviewers.size()));
    }

    String sleeper(Random random) {
        return sleepers.get(random.nextInt(sleepers.size()));
    }

    /** A run that may be signalled with anything or canceled. */
    String victim(Random random) {
        return random.nextBoolean() ? reviewer(random) : sleeper(random);
    }

    /** Any run id for requests that change nothing: a known one, an unknown UUID or text that is no UUID. */
    String anyRun(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> completed;
            case 1 -> victim(random);
            case 2 -> UUID.randomUUID().toString();
            case 3 -> guarded;
            default -> "not-a-run";
        };
    }
}
