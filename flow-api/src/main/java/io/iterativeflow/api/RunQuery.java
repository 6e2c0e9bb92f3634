package io.iterativeflow.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link FlowEngine#listRuns(RunQuery)} lists: filters, a page size and where to continue. Runs come newest
 * first (by creation time, then id). Immutable: every {@code with...} returns a copy and refuses an invalid value with
 * {@code ARGUMENT_INVALID}.
 *
 * @param flowName only runs of this flow (any version)
 * @param statuses only runs in one of these statuses; empty means any status
 * @param tag only runs carrying this tag
 * @param since only runs created at or after this instant
 * @param until only runs created before this instant
 * @param limit most runs on one page, 1 to {@value #MAX_LIMIT}; default {@value #DEFAULT_LIMIT}
 * @param cursor the {@link RunPage#nextCursor()} of the previous page, to continue after it
 */
public record RunQuery(Optional<String> flowName, Set<RunStatus> statuses, Optional<String> tag,
        Optional<Instant> since, Optional<Instant> until, int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final int MAX_CURSOR_LENGTH = 200;

    public RunQuery {
        notNull("flowName", flowName);
        notNull("tag", tag);
        notNull("since", since);
        notNull("until", until);
        notNull("cursor", cursor);
        statuses = copy(notNull("statuses", statuses));
        flowName.ifPresent(name -> text("flow name", name, 200));
        tag.ifPresent(value -> text("tag", value, StartOptions.MAX_TAG_LENGTH));
        cursor.ifPresent(value -> text("cursor", value, MAX_CURSOR_LENGTH));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit
                    + "; page through larger results with the next cursor");
        }
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw invalid("since (" + since.get() + ") must be before until (" + until.get() + ")");
        }
    }

    /** Every run, newest first, {@value #DEFAULT_LIMIT} per page. */
    public static RunQuery all() {
        return new RunQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_LIMIT, Optional.empty());
    }

    public RunQuery withFlowName(String name) {
        return new RunQuery(Optional.of(text("flow name", name, 200)), statuses, tag, since, until, limit, cursor);
    }

    public RunQuery withStatuses(RunStatus... wanted) {
        if (wanted == null || Arrays.asList(wanted).contains(null)) {
            throw invalid("statuses must not be null");
        }
        return new RunQuery(flowName, Set.of(wanted), tag, since, until, limit, cursor);
    }

    /** Statuses by name ({@code pending}, {@code awaiting_signal}, ...); an unknown name is refused. */
    public RunQuery withStatusNames(String... names) {
        if (names == null) {
            throw invalid("status names must not be null");
        }
        Set<RunStatus> parsed = EnumSet.noneOf(RunStatus.class);
        for (String name : names) {
            parsed.add(RunStatus.fromDbName(name));
        }
        return new RunQuery(flowName, parsed, tag, since, until, limit, cursor);
    }

    public RunQuery withTag(String value) {
        return new RunQuery(flowName, statuses, Optional.of(text("tag", value, StartOptions.MAX_TAG_LENGTH)), since,
                until, limit, cursor);
    }

    public RunQuery withSince(Instant value) {
        return new RunQuery(flowName, statuses, tag, Optional.of(notNull("since", value)), until, limit, cursor);
    }

    public RunQuery withUntil(Instant value) {
        return new RunQuery(flowName, statuses, tag, since, Optional.of(notNull("until", value)), limit, cursor);
    }

    public RunQuery withLimit(int value) {
        return new RunQuery(flowName, statuses, tag, since, until, value, cursor);
    }

    /** Continues after the page that returned {@code value} as its next cursor; null starts from the newest run. */
    public RunQuery withCursor(String value) {
        return new RunQuery(flowName, statuses, tag, since, until, limit, Optional.ofNullable(value));
    }

    private static String text(String what, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw invalid(what + " must be 1 to " + maxLength + " non-blank characters, got "
                    + (value == null ? "null" : "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value)
                    + "'"));
        }
        return value;
    }

    private static <T> T notNull(String what, T value) {
        if (value == null) {
            throw invalid(what + " must not be null");
        }
        return value;
    }

    private static Set<RunStatus> copy(Set<RunStatus> statuses) {
        try {
            return statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        } catch (NullPointerException e) {
            throw invalid("statuses must not contain null");
        }
    }

    private static FlowException invalid(String message) {
        return new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run query: " + message);
    }
}
