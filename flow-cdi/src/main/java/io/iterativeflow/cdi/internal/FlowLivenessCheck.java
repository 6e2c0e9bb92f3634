package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.engine.EngineProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down when the dispatcher stopped making progress: runs are ready, yet no claim round finished for
 * {@link EngineProbe#stallAfter()} (ten poll intervals, at least 30 seconds); a round that finds every worker busy
 * does not count, so workers stuck in steps that long take it down too. A restart is the cure for that; a
 * database outage is not, so it leaves this check up (readiness reports it).
 */
@Liveness
@ApplicationScoped
class FlowLivenessCheck implements HealthCheck {

    @Inject
    EngineHolder holder;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        return holder.engine().map(engine -> {
            EngineProbe probe = engine.probe();
            boolean stalled = probe.dispatcherStalled();
            data.put("dispatcher", stalled ? "stalled" : "progressing");
            data.put("lastDispatch", HealthChecks.instant(probe.lastDispatch()));
            data.put("stallAfter", probe.stallAfter().toString());
            return HealthChecks.response(!stalled, data);
        }).orElseGet(() -> {
            data.put("dispatcher", "not started");
            return HealthChecks.response(true, data);
        });
    }
}
