package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.RunSignalResult;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * {@code engine.signalAll(...)}: the request is checked whole (ids, name, options, payload size) before anything
     * is written; the payload is serialized once and checked per flow version (declared type, Bean Validation) while
     * the store delivers to every run in one transaction.
     */
    List<RunSignalResult> deliverAll(List<String> runIds, String name, Object payload, SignalSendOptions options) {
        List<UUID> ids = ids(runIds);
        Names.checkStepName("signal", name);
        Texts.check("signal name", name);
        Args.notNull("signal send options", options);
        options.deliveryId().ifPresent(delivery -> Texts.check("delivery id", delivery));
        String json;
        String jsonProblem;
        try {
            json = parts.codec().toJson(payload);
            jsonProblem = StorableJson.problem(json);
        } catch (FlowException e) {
            json = null;
            jsonProblem = e.getMessage();
        }
        if (jsonProblem == null) {
            JsonSize.check(json, parts.settings().limits().maxSignalPayloadBytes(),
                    FlowErrorCode.SIGNAL_PAYLOAD_TOO_LARGE, "the payload of signal '" + name + "'",
                    EngineSettings.PREFIX + "limits.max-signal-payload-bytes");
        }
        List<String> jsonIssues = jsonProblem == null ? List.of() : List.of("payload: " + jsonProblem);
        Map<String, List<String>> issuesByFlow = new HashMap<>();
        Map<UUID, List<String>> refused = new HashMap<>();
        List<SignalDelivery> deliveries = parts.store().deliverSignals(ids, name, json, options.deliveryId(),
                parts.callers().current(), (runId, flowName, flowVersion) -> {
                    List<String> issues = issuesByFlow.computeIfAbsent(flowName + "@" + flowVersion,
                            flow -> issues(flowName, flowVersion, name, payload, jsonIssues));
                    if (issues.isEmpty()) {
                        return true;
                    }
                    refused.put(runId, issues);
                    return false;
                });
        List<RunSignalResult> results = new ArrayList<>(ids.size());
        boolean delivered = false;
        for (int i = 0; i < ids.size(); i++) {
            String runId = runIds.get(i);
            SignalDelivery delivery = deliveries.get(i);
            if (delivery == SignalDelivery.RUN_NOT_FOUND) {
                results.add(new RunSignalResult(runId, Optional.empty()));
                continue;
            }
            delivered |= delivery == SignalDelivery.DELIVERED;
            SignalDeliveryResult result = delivery == SignalDelivery.PAYLOAD_REFUSED
                    ? new SignalDeliveryResult.InvalidPayload(refused.getOrDefault(ids.get(i), jsonIssues))
                    : result(runId, name, delivery);
            results.add(new RunSignalResult(runId, Optional.of(result)));
            String kind = result.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            parts.listeners().fire("signalSent", l -> l.signalSent(new FlowListener.SignalEvent(runId, name, kind)));
        }
        if (delivered) {
            parts.store().afterCommit(wake);
        }
        return List.copyOf(results);
    }

    /** The ids of a bulk send: 1 to {@link FlowEngine#MAX_BULK_SIGNAL_RUNS}, none null, malformed or repeated. */
    private static List<UUID> ids(List<String> runIds) {
        if (runIds == null || runIds.isEmpty()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "signalAll needs at least one run id");
        }
        if (runIds.size() > FlowEngine.MAX_BULK_SIGNAL_RUNS) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "signalAll got " + runIds.size()
                    + " run ids; at most " + FlowEngine.MAX_BULK_SIGNAL_RUNS + " are allowed, split the list");
        }
        List<UUID> ids = new ArrayList<>(runIds.size());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < runIds.size(); i++) {
            String runId = runIds.get(i);
            if (runId == null || runId.isBlank()) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run id " + i
                        + " of signalAll is null or blank; remove it");
            }
            UUID id;
            try {
                id = UUID.fromString(runId.trim());
            } catch (IllegalArgumentException e) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run id " + i + " of signalAll ('"
                        + Args.abbreviate(runId) + "') is not a run id; run ids are the UUIDs returned by start(...)");
            }
            if (!seen.add(id)) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run id " + i + " of signalAll (" + id
                        + ") is repeated; name each run once");
            }
            ids.add(id);
        }
        return ids;
    }

    /** What keeps {@code payload} from being a signal {@code name} of the flow version; empty when it fits. */
    private List<String> issues(String flowName, int flowVersion, String name, Object payload,
            List<String> jsonIssues) {
        Optional<TypeRef<?>> declared = parts.registry().find(flowName, flowVersion)
                .map(FlowDefinition::signals).map(signals -> signals.get(name));
        List<String> typeIssues = PayloadTypes.issues(flowName, name, declared, payload);
        if (!typeIssues.isEmpty()) {
            return typeIssues;
        }
        if (!jsonIssues.isEmpty()) {
            return jsonIssues;
        }
        return declared.isPresent() && payload != null ? check.issues(payload) : List.of();
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
        return result(runId, name, parts.store().deliverSignal(id, name, json, options.deliveryId(),
                parts.callers().current()));
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
            case PAYLOAD_REFUSED -> throw new IllegalStateException("a single signal's payload is checked before");
            case RUN_NOT_FOUND -> throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId
                    + "; it never existed or retention removed it", runId, null);
        };
    }
}
