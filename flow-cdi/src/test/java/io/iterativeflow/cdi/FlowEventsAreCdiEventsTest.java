package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.cdi.events.EventObservers;
import io.iterativeflow.cdi.events.SlowObserver;
import io.iterativeflow.cdi.events.ThrowingObserver;
import io.iterativeflow.cdi.flows.Greeter;
import io.iterativeflow.cdi.flows.GreetingFlow;
import io.iterativeflow.cdi.flows.NapFlow;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.LogRecords;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DatabaseTest
@WithConfig({"flow.shutdown.timeout=2s", "flow.worker.poll-interval=100ms"})
@EnableWeld
class FlowEventsAreCdiEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(GreetingFlow.class, Greeter.class, NapFlow.class, EventObservers.class,
                            ThrowingObserver.class, SlowObserver.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .build();

    @Inject
    FlowEngine engine;

    @Inject
    EventObservers observers;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @AfterEach
    void disarm() {
        ThrowingObserver.arm(false);
        SlowObserver.release();
    }

    @Test
    void observers_hear_each_transition_and_a_flow_name_narrows_them() {
        String greeting = engine.flow(GreetingFlow.class).start("Ada");
        String nap = engine.flow(NapFlow.class).start("Bob");

        assertThat(engine.flow(GreetingFlow.class).result(greeting, PATIENCE)).isNotBlank();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(observers.naps()).singleElement()
                .isEqualTo(new FlowEvent.RunSuspended("nap", 1, nap, "sleep", FlowEvent.RunSuspended.Wait.SLEEP)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kinds(observers.all(), greeting)).containsExactly(
                "RunStarted", "StepFinished greet", "StepFinished shout", "RunCompleted"));
        assertThat(observers.greetings()).containsExactly(new FlowEvent.RunCompleted("greeting", 1, greeting));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(observers.async())
                .containsExactly(new FlowEvent.RunCompleted("greeting", 1, greeting)));
        assertThat(observers.threads()).as("never on the engine's threads").containsOnly("iterativeflow events");
    }

    @Test
    void an_observer_that_throws_breaks_neither_the_runs_nor_the_delivery_of_later_events() {
        ThrowingObserver.arm(true);
        FlowHandle<String, String> greetings = engine.flow(GreetingFlow.class);
        List<String> runs = new ArrayList<>();
        try (LogRecords log = LogRecords.capture()) {
            for (String name : List.of("Ada", "Grace", "Linus")) {
                runs.add(greetings.start(name));
            }
            for (String run : runs) {
                assertThat(greetings.result(run, PATIENCE)).isNotBlank();
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(observers.all()).filteredOn(FlowEvent.RunCompleted.class::isInstance)
                        .extracting(FlowEvent::runId).containsExactlyInAnyOrderElementsOf(runs);
                assertThat(observers.async()).extracting(FlowEvent::runId)
                        .containsExactlyInAnyOrderElementsOf(runs);
                assertThat(ThrowingObserver.thrown()).isEqualTo(6);
            });
            assertThat(log.warnings()).filteredOn(w -> w.contains("observer of")).singleElement()
                    .satisfies(w -> assertThat(w).contains("threw; the engine goes on"));
        }
    }

    @Test
    void an_observer_that_does_not_return_stalls_no_run() {
        SlowObserver.arm();
        FlowHandle<String, String> greetings = engine.flow(GreetingFlow.class);
        String first = greetings.start("Ada");
        await().atMost(PATIENCE).until(SlowObserver::blocking);

        List<String> later = new ArrayList<>();
        for (String name : List.of("Grace", "Linus", "Barbara")) {
            later.add(greetings.start(name));
        }
        assertThat(greetings.result(first, PATIENCE)).isEqualTo("HELLO, ADA");
        for (String run : later) {
            assertThat(greetings.result(run, PATIENCE)).isNotBlank();
        }
        assertThat(SlowObserver.blocking()).as("the observer still holds the first event").isTrue();
        assertThat(observers.all()).filteredOn(FlowEvent.RunCompleted.class::isInstance).isEmpty();

        SlowObserver.release();
        List<String> all = new ArrayList<>(later);
        all.add(first);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(observers.all())
                .filteredOn(FlowEvent.RunCompleted.class::isInstance).extracting(FlowEvent::runId)
                .containsExactlyInAnyOrderElementsOf(all));
    }

    /** The simple names of the events of {@code runId}, with the step names of finished steps. */
    private static List<String> kinds(List<FlowEvent> events, String runId) {
        return events.stream().filter(e -> e.runId().equals(runId)).map(e -> e instanceof FlowEvent.StepFinished s
                ? "StepFinished " + s.cursorKey() : e.getClass().getSimpleName()).toList();
    }
}
