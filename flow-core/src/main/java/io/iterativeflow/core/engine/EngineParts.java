package io.iterativeflow.core.engine;

import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.FlowTracer;

/** What the engine's pieces share. {@code tracer} is null when tracing is off. */
record EngineParts(
        String instanceId,
        FlowStore store,
        JsonCodec codec,
        FlowClock clock,
        EngineSettings settings,
        FlowRegistry registry,
        InFlight inFlight,
        Completions completions,
        StepInvoker stepInvoker,
        WakeScheduler wakes,
        VersionSettings versions,
        Listeners listeners,
        InputCheck inputCheck,
        FlowTracer tracer,
        Outage outage,
        Callers callers) {

    /** Wakes the dispatcher when a suspended run of this instance becomes due soon. */
    @FunctionalInterface
    interface WakeScheduler {
        void wakeAt(java.time.Instant due);
    }
}
