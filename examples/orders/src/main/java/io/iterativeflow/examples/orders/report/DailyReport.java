package io.iterativeflow.examples.orders.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.CronTick;
import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowSchedule;
import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TypeRef;

/**
 * Every evening, counts the day's {@code order} runs by status with the engine's run listing and logs the result.
 * One run per tick across all instances; its output (the counts) stays in the run, so past reports can be read with
 * {@code GET /api/runs?name=daily-report}.
 */
@Flow(name = "daily-report")
@FlowSchedule(cron = "0 20 * * *", zone = "Europe/Lisbon", overlap = CronSchedule.Overlap.SKIP,
        missed = CronSchedule.Missed.RUN_ONCE)
public class DailyReport implements FlowBody<CronTick, Map<String, Integer>> {

    private static final Logger LOG = Logger.getLogger(DailyReport.class.getName());
    private static final TypeRef<Map<String, Integer>> COUNTS = new TypeRef<>() {
    };

    @Inject
    FlowEngine engine;

    @Override
    public Map<String, Integer> run(FlowContext ctx, CronTick tick) {
        Map<String, Integer> counts = ctx.step("count-orders", COUNTS, StepOptions.defaults(),
                s -> count(tick.scheduledAt()));
        ctx.step("log", Void.class, s -> {
            LOG.info(() -> "orders of the day before " + tick.scheduledAt() + ": " + counts);
            return null;
        });
        return counts;
    }

    /** Order runs created in the 24 hours before {@code until}, by status, page by page. */
    private Map<String, Integer> count(Instant until) {
        Map<String, Integer> counts = new TreeMap<>();
        RunQuery query = RunQuery.all().withFlowName("order").withSince(until.minus(Duration.ofDays(1)))
                .withUntil(until).withLimit(RunQuery.MAX_LIMIT);
        while (true) {
            RunPage page = engine.listRuns(query);
            for (RunSummary run : page.items()) {
                counts.merge(run.status().dbName(), 1, Integer::sum);
            }
            if (page.nextCursor().isEmpty()) {
                return counts;
            }
            query = query.withCursor(page.nextCursor().get());
        }
    }
}
