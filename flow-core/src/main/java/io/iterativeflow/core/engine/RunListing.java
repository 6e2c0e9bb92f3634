package io.iterativeflow.core.engine;

import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.RunPosition;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code listRuns}: one keyset query per page; a look-ahead row tells whether there is a next page. */
final class RunListing {

    private final FlowStore store;

    RunListing(FlowStore store) {
        this.store = store;
    }

    RunPage list(RunQuery query) {
        Args.notNull("run query", query);
        query.flowName().ifPresent(name -> Texts.check("run query: flow name", name));
        query.tag().ifPresent(tag -> Texts.check("run query: tag", tag));
        query.cursor().ifPresent(cursor -> Texts.check("run query: cursor", cursor));
        Optional<RunPosition> after = query.cursor().map(RunCursors::decode);
        List<RunSummary> rows = store.listRuns(query, after, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new RunPage(rows, Optional.empty());
        }
        List<RunSummary> items = rows.subList(0, query.limit());
        RunSummary last = items.get(items.size() - 1);
        return new RunPage(items, Optional.of(RunCursors.encode(new RunPosition(last.createdAt(),
                UUID.fromString(last.runId())))));
    }
}
