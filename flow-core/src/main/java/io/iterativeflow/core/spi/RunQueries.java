package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Read-only views of runs for callers, the deployment's replay check and operations. Part of {@link FlowStore}.
 */
public interface RunQueries {

    /** The run's row only: status, output and error (cheap, for result polling). */
    Optional<RunState> state(UUID runId);

    /** The run with its steps, timers and events. */
    Optional<RunInfo> details(UUID runId);

    /**
     * Up to {@code limit} summaries of runs matching the filters of {@code query} (its own limit and cursor are not
     * read), ordered by {@code created_at} then {@code id}, both descending, and strictly after {@code after} in that
     * order when it is present. Keyset paging: the cost does not grow with the depth of the page.
     */
    List<RunSummary> listRuns(RunQuery query, Optional<RunPosition> after, int limit);

    /**
     * One page of the runs of the flows {@code names} that are not terminal, by ascending id, starting after
     * {@code after} (exclusive) when given.
     */
    List<InFlightRun> inFlightRuns(Set<String> names, Optional<UUID> after, int limit);

    /** The keys a run recorded: its steps in history order, then its sleep timers. */
    List<RecordedKey> recordedKeys(UUID runId);

    /**
     * The newest run (by creation) of flow {@code flowName} whose idempotency key starts with {@code keyPrefix}; the
     * schedules find their last tick and an unfinished earlier tick with it.
     */
    Optional<KeyedRun> latestRunWithKeyPrefix(String flowName, String keyPrefix);

    /** Counts ready and running runs and the age of the oldest ready one (one read-only statement). */
    QueueStats queueStats();

    /** The schema version the database is at (its newest applied migration); answering proves it is reachable. */
    String schemaVersion();

    /** Counts the runs of the flows {@code names} that wait (not running, not terminal) on a version not deployed. */
    long countWaitingForVersion(Set<String> names, Set<String> deployed);
}
