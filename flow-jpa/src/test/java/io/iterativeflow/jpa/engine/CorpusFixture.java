package io.iterativeflow.jpa.engine;

import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.StepInfo;
import io.iterativeflow.api.TimerInfo;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One recorded run of the replay corpus, as kept in {@code src/test/resources/replay-corpus/<scenario>.json}: the
 * flow it ran, its input and output (the JSON the engine stored) and its history in recorded order. The format is
 * ours, not the database's rows, so the corpus outlives changes to the schema; {@link ReplayCorpusTest} writes it
 * back into whatever the schema is then.
 */
public record CorpusFixture(String scenario, String flow, int version, String input, String output,
        List<Entry> history, List<Timer> timers) {

    /** A durable timer of the run (a sleep, a wait timeout), by its cursor key. */
    public record Timer(String cursorKey, String kind) {

        static Timer of(TimerInfo timer) {
            return new Timer(timer.cursorKey(), timer.kind());
        }
    }

    /** One history entry: what replay semantics depend on. */
    public record Entry(String cursorKey, String name, String kind, boolean completed, int attempts, String result,
            String errorCode, String errorMessage) {

        static Entry of(StepInfo step) {
            return new Entry(step.cursorKey(), step.name(), step.kind(), step.completed(), step.attempts(),
                    step.resultJson().orElse(null), step.errorCode().map(Enum::name).orElse(null),
                    step.errorMessage().orElse(null));
        }
    }

    static CorpusFixture of(String scenario, RunInfo run) {
        return new CorpusFixture(scenario, run.flowName(), run.flowVersion(), run.inputJson().orElse(null),
                run.outputJson().orElse(null), run.steps().stream().map(Entry::of).toList(),
                run.timers().stream().map(Timer::of).sorted(java.util.Comparator.comparing(Timer::cursorKey))
                        .toList());
    }

    static CorpusFixture read(Path file) throws IOException {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(Files.readString(file, StandardCharsets.UTF_8), CorpusFixture.class);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read the corpus fixture " + file, e);
        }
    }

    void write(Path file) throws IOException {
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            Files.writeString(file, jsonb.toJson(this) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot write the corpus fixture " + file, e);
        }
    }
}
