package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the replay corpus: runs each scenario of {@link CorpusFlows} on the current engine and writes its history
 * as a fixture. Skipped in normal builds. Run it only when a scenario is added, or when a change to replay semantics
 * is intended (and then say so in UPGRADING.md, since runs in flight recorded by the older version would not replay):
 *
 * <pre>
 * mvn -pl flow-jpa -am verify -Dtest=ReplayCorpusGenerator -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
 *     -Dflow.replay-corpus.generate=true
 * </pre>
 *
 * It writes {@code flow-jpa/src/test/resources/replay-corpus/<scenario>.json}; commit the files it changed.
 */
@EnabledIfSystemProperty(named = "flow.replay-corpus.generate", matches = "true")
class ReplayCorpusGenerator extends EngineTestBase {

    static final Path CORPUS = Path.of("src", "test", "resources", "replay-corpus");

    ReplayCorpusGenerator(TestDatabase db) {
        super(db);
    }

    @Test
    @SuppressWarnings("unchecked")
    void record_every_scenario() throws Exception {
        if (db.isH2()) {
            return; // one recording is enough: the corpus is written from the PostgreSQL run
        }
        CorpusFlows flows = new CorpusFlows();
        Engine engine = fixture.start(flows.all());
        Files.createDirectories(CORPUS);
        for (CorpusFlows.Scenario scenario : flows.scenarios()) {
            FlowHandle<Object, Object> handle = engine.flow((io.iterativeflow.api.FlowDefinition<Object, Object>)
                    scenario.flow());
            String runId = handle.start(scenario.input());
            for (Map.Entry<String, String> signal : scenario.signals()) {
                handle.wait(runId, WaitUntil.signal(signal.getKey()), WAIT); // a later one is buffered
                engine.signal(runId, signal.getKey(), signal.getValue());
            }
            handle.result(runId, WAIT);
            CorpusFixture recorded = CorpusFixture.of(scenario.name(), engine.status(runId));
            assertThat(recorded.history()).isNotEmpty();
            recorded.write(CORPUS.resolve(scenario.name() + ".json"));
        }
    }
}
