package io.iterativeflow.bench;

import io.iterativeflow.api.StartRequest;
import java.util.ArrayList;
import java.util.List;

/** Runs of a one-step flow, started in bulk by an engine that claims nothing, then drained by a started one. */
final class EngineQueue implements QueueDrain {

    private static final int BATCH = 1000;

    private final EngineContender contender;

    EngineQueue(EngineContender contender) {
        this.contender = contender;
    }

    @Override
    public void fill(BenchServer server, int count) {
        try (EngineContender.Instance idle = contender.instance(server, 1)) {
            for (int from = 0; from < count; from += BATCH) {
                List<StartRequest<Integer>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(StartRequest.of(i));
                }
                idle.handle.startAll(batch);
            }
        }
    }

    @Override
    public Workers workers(BenchServer server) {
        return contender.instance(server, 1);
    }

    @Override
    public String unfinishedQuery() {
        return "SELECT count(*) FROM workflow.runs WHERE status <> 'completed'";
    }
}
