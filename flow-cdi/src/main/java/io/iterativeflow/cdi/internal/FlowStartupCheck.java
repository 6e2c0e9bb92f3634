package io.iterativeflow.cdi.internal;

import io.iterativeflow.core.engine.EngineProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Up once the engine has started (its schema applied, its worker claiming). */
@Startup
@ApplicationScoped
class FlowStartupCheck implements HealthCheck {

    @Inject
    EngineHolder holder;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean started = holder.engine().map(engine -> engine.probe()).filter(EngineProbe::running)
                .map(probe -> {
                    data.put("startedAt", HealthChecks.instant(probe.startedAt()));
                    return true;
                }).orElse(false);
        data.putIfAbsent("startedAt", "never");
        return HealthChecks.response(started, data);
    }
}
