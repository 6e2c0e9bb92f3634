package io.iterativeflow.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunSummary;

/**
 * The answer of {@code GET /runs}: one page of runs, newest first, without inputs, outputs or history, and the cursor
 * of the next page (absent on the last one).
 */
public record RunPageView(List<Item> items, String nextCursor) {

    /** One run of the page. */
    public record Item(String runId, String flow, int version, String status, int attempts, String idempotencyKey,
            Set<String> tags, int priority, String errorCode, Instant createdAt, Instant updatedAt,
            Instant finishedAt, String startedBy) {
    }

    public static RunPageView of(RunPage page) {
        return new RunPageView(page.items().stream().map(RunPageView::item).toList(),
                page.nextCursor().orElse(null));
    }

    private static Item item(RunSummary run) {
        return new Item(run.runId(), run.flowName(), run.flowVersion(), run.status().dbName(), run.attempts(),
                run.idempotencyKey().orElse(null), run.tags(), run.priority(),
                run.errorCode().map(Enum::name).orElse(null), run.createdAt(), run.updatedAt(),
                run.finishedAt().orElse(null), run.startedBy().orElse(null));
    }
}
