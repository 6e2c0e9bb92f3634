package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The replay corpus: histories recorded by an earlier build ({@link ReplayCorpusGenerator}) are written into the
 * database as a run whose first attempt recorded everything (its timers are due) and suspended, and the current
 * engine replays it in a second attempt. Replay
 * must return every recorded result without running a step, starting a child or waiting for a signal, record
 * nothing new, and end with the recorded output. A change to replay semantics (cursor keys, step order, the keys of
 * sleeps, signals and children, result encoding) fails here: with a drift error, a step that runs again, a new
 * history entry or another output.
 */
class ReplayCorpusTest extends EngineTestBase {

    ReplayCorpusTest(TestDatabase db) {
        super(db);
    }

    @Test
    void every_recorded_history_replays_to_its_recorded_output_without_running_anything() throws IOException {
        CorpusFlows flows = new CorpusFlows();
        List<Path> files;
        try (Stream<Path> listed = Files.list(ReplayCorpusGenerator.CORPUS)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .as("every scenario has its recorded fixture")
                .containsAll(flows.scenarios().stream().map(s -> s.name() + ".json").toList());
        Map<Path, String> runIds = new LinkedHashMap<>();
        for (Path file : files) {
            runIds.put(file, load(CorpusFixture.read(file)));
        }
        Engine engine = fixture.start(flows.all()); // only now: no attempt may see a history still being written

        for (Path file : files) {
            CorpusFixture recorded = CorpusFixture.read(file);
            String runId = runIds.get(file);
            FlowDefinition<?, ?> flow = engine.definition(recorded.flow());
            RunInfo replayed = engine.flow(flow).wait(runId, WaitUntil.terminal(), WAIT);

            assertThat(replayed.status()).as(file + ": " + replayed.errorMessage().orElse(""))
                    .isEqualTo(RunStatus.COMPLETED);
            assertThat(replayed.outputJson()).as(file.toString()).contains(recorded.output());
            assertThat(replayed.steps()).as(file + ": nothing new recorded").extracting(CorpusFixture.Entry::of)
                    .containsExactlyElementsOf(recorded.history());
            assertThat(replayed.timers()).as(file + ": no new timer").extracting(CorpusFixture.Timer::of)
                    .containsExactlyInAnyOrderElementsOf(recorded.timers());
            assertThat(replayed.attempts()).as(file + ": one replay attempt, which never suspended; "
                    + replayed.events()).isEqualTo(2);
        }
        assertThat(flows.executions).as("no recorded step ran again").isEmpty();
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).as("no child was started")
                .isEqualTo(files.size());
    }

    /**
     * Writes the fixture into the current schema as a run whose first attempt recorded its whole history and then
     * suspended (as a run waiting for its last timer does), due now.
     */
    private String load(CorpusFixture recorded) {
        String json = db.isH2() ? "? FORMAT JSON" : "CAST(? AS jsonb)";
        String runId = UUID.randomUUID().toString();
        db.sql().update("INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, attempts,"
                + " suspensions, available_at, created_at, updated_at) VALUES (CAST(? AS UUID), ?, ?, 'sleeping', "
                + json + ", 1, 1,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", runId, recorded.flow(),
                recorded.version(), recorded.input());
        int position = 0;
        for (CorpusFixture.Entry entry : recorded.history()) {
            db.sql().update("INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, result,"
                    + " error_code, error_message, position, created_at, finished_at) VALUES (CAST(? AS UUID), ?,"
                    + " ?, ?, ?, ?, " + json + ", ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", runId,
                    entry.cursorKey(), entry.name(), entry.kind(), entry.completed() ? "completed" : "failed",
                    entry.attempts(), entry.result(), entry.errorCode(), entry.errorMessage(), position++);
        }
        for (CorpusFixture.Timer timer : recorded.timers()) {
            db.sql().update("INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, fired_at, created_at)"
                    + " VALUES (CAST(? AS UUID), ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                    runId, timer.cursorKey(), timer.kind());
        }
        return runId;
    }
}
