package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.json.StorableJson;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.core.spi.SignalDelivery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code engine.signal(...)}: checks the request and the payload (declared type, Bean Validation, size) before
 * anything is written, then lets the store deliver or buffer the signal in one transaction.
 */
final class Signals {

    private final EngineParts parts;
    private final PayloadCheck check;
    private final Runnable wake;

    Signals(EngineParts parts, PayloadCheck check, Runnable wake) {
        this.parts = parts;
        this.check = check;
        this.wake = wake;
    }

    SignalDeliveryResult deliver(String runId, String name, Object payload, SignalSendOptions options) {
        SignalDeliveryResult result = check(runId, name, payload, options);
        String kind = result.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        parts.listeners().fire("signalSent", l -> l.signalSent(new FlowListener.SignalEvent(runId, name, kind)));
        return result;
    }

    private SignalDeliveryResult check(String runId, String name, Object payload, SignalSendOptions options) {
        UUID id = Args.runId(runId);
        Names.checkStepName("signal", name);
        Texts.check("signal name", name);
        Args.notNull("signal send options", options);
        options.deliveryId().ifPresent(delivery -> Texts.check("delivery id", delivery));
        RunState run = parts.store().state(id).orElseThrow(() -> new FlowException(FlowErrorCode.RUN_NOT_FOUND,
                "no run with id " + runId + "; it never existed or retention removed it", runId, null));
        Optional<TypeRef<?>> declared = parts.registry().find(run.flowName(), run.flowVersion())
                .map(FlowDefinition::signals).map(signals -> signals.get(name));
        List<String> typeIssues = PayloadTypes.issues(run.flowName(), name, declared, payload);
        if (!typeIssues.isEmpty()) {
            return new SignalDeliveryResult.InvalidPayload(typeIssues);
        }
        String json;
        try {
            json = parts.codec().toJson(payload);
        } catch (FlowException e) {
            return new SignalDeliveryResult.InvalidPayload(List.of("payload: " + e.getMessage()));
        }
        String problem = StorableJson.problem(json);
        if (problem != null) {
            return new SignalDeliveryResult.InvalidPayload(List.of("payload: " + problem));
        }
        JsonSize.check(json, parts.settings().limits().maxSignalPayloadBytes(), FlowErrorCode.SIGNAL_PAYLOAD_TOO_LARGE,
                "the payload of signal '" + name + "'", EngineSettings.PREFIX + "limits.max-signal-payload-bytes");
        if (declared.isPresent() && payload != null) {
            List<String> issues = check.issues(payload);
            if (!issues.isEmpty()) {
                return new SignalDeliveryResult.InvalidPayload(issues);
            }
        }
        return result(runId, name, parts.store().deliverSignal(id, name, json, options.deliveryId()));
    }

    private SignalDeliveryResult result(String runId, String name, SignalDelivery delivery) {
        return switch (delivery) {
            case DELIVERED -> {
                parts.store().afterCommit(wake); // a delivery that joined the caller's transaction wakes on commit
                yield new SignalDeliveryResult.Delivered();
            }
            case BUFFERED -> new SignalDeliveryResult.Buffered();
            case DUPLICATE -> new SignalDeliveryResult.Duplicate();
            case RUN_FINISHED -> new SignalDeliveryResult.Expired("run " + runId + " is finished");
            case WAIT_TIMED_OUT -> new SignalDeliveryResult.Expired("the wait of run " + runId + " for signal '"
                    + name + "' timed out");
            case RUN_NOT_FOUND -> throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId
                    + "; it never existed or retention removed it", runId, null);
        };
    }
}
