package io.iterativeflow.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@link FlowEngine#listRuns(RunQuery)}, newest run first.
 *
 * @param items the runs of this page, at most the query's limit
 * @param nextCursor pass it to {@link RunQuery#withCursor(String)} for the next page; empty on the last page
 */
public record RunPage(List<RunSummary> items, Optional<String> nextCursor) {

    public RunPage {
        items = List.copyOf(items);
    }
}
