package io.iterativeflow.core.config;

import java.util.List;

/**
 * The largest values the engine accepts, in bytes of their serialized UTF-8 JSON. A value over its cap is refused
 * before anything is written.
 *
 * @param maxInputBytes a run's input ({@code flow.limits.max-input-bytes})
 * @param maxStepResultBytes a step's result ({@code flow.limits.max-step-result-bytes})
 * @param maxSignalPayloadBytes a signal's payload ({@code flow.limits.max-signal-payload-bytes})
 */
public record PayloadLimits(long maxInputBytes, long maxStepResultBytes, long maxSignalPayloadBytes) {

    /** PostgreSQL stores no {@code jsonb} value larger than this, so no cap may be larger either. */
    public static final long CEILING = 255L * 1024 * 1024;

    private static final long MIB = 1024 * 1024;

    /** 1 MiB for inputs and step results, 256 KiB for signal payloads. */
    public static PayloadLimits defaults() {
        return new PayloadLimits(MIB, MIB, 256 * 1024);
    }

    public PayloadLimits withMaxInputBytes(long value) {
        return new PayloadLimits(value, maxStepResultBytes, maxSignalPayloadBytes);
    }

    public PayloadLimits withMaxStepResultBytes(long value) {
        return new PayloadLimits(maxInputBytes, value, maxSignalPayloadBytes);
    }

    public PayloadLimits withMaxSignalPayloadBytes(long value) {
        return new PayloadLimits(maxInputBytes, maxStepResultBytes, value);
    }

    /** Adds one problem per cap outside 1 byte to {@link #CEILING}, named by its key. */
    void addProblems(List<String> problems) {
        check(problems, "limits.max-input-bytes", maxInputBytes);
        check(problems, "limits.max-step-result-bytes", maxStepResultBytes);
        check(problems, "limits.max-signal-payload-bytes", maxSignalPayloadBytes);
    }

    private static void check(List<String> problems, String key, long value) {
        if (value < 1 || value > CEILING) {
            problems.add(EngineSettings.PREFIX + key + " must be between 1 byte and 255MiB (PostgreSQL's jsonb"
                    + " limit), got " + value);
        }
    }
}
