package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.engine.EngineProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and the engine's worker runs. Data: {@code db} (reachable), {@code schema} (the
 * applied schema version), {@code worker} ({@code running}, {@code stopped} or {@code not started}), {@code listen}
 * (the database listener's state; polling works in every state, so it does not decide readiness),
 * {@code listenDisabledBecause} (only when {@code listen} is {@code disabled}: why, and what to do) and
 * {@code startedAt}.
 */
@Readiness
@ApplicationScoped
class FlowReadinessCheck implements HealthCheck {

    @Inject
    EngineHolder holder;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<Engine> engine = holder.engine();
        if (engine.isEmpty()) {
            data.put("db", false);
            data.put("schema", "unknown");
            data.put("worker", "not started");
            data.put("listen", "stopped");
            data.put("startedAt", "never");
            return HealthChecks.response(false, data);
        }
        EngineProbe probe = engine.get().probe();
        boolean reachable = schema(probe, data);
        data.put("worker", probe.running() ? "running" : "stopped");
        data.put("listen", probe.listenerState().name().toLowerCase(Locale.ROOT));
        probe.listenerDisabledBecause().ifPresent(reason -> data.put("listenDisabledBecause", reason));
        data.put("startedAt", HealthChecks.instant(probe.startedAt()));
        return HealthChecks.response(reachable && probe.running(), data);
    }

    private static boolean schema(EngineProbe probe, Map<String, Object> data) {
        try {
            String version = probe.schemaVersion();
            data.put("db", true);
            data.put("schema", version);
            return true;
        } catch (RuntimeException e) {
            data.put("db", false);
            data.put("schema", "unknown");
            data.put("error", String.valueOf(e.getMessage()));
            return false;
        }
    }
}
