package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.EventInfo;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.cdi.flows.WhoAmIFlow;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container's caller principal (the CDI bean of type {@link Principal}) reaches the engine the extension builds:
 * it is recorded as the run's {@code startedBy} and as the actor of a signal, and an anonymous caller records none.
 */
@DatabaseTest
@WithConfig({"flow.instance-id=cdi-caller", "flow.shutdown.timeout=2s", "flow.worker.poll-interval=200ms"})
@EnableWeld
class TheCallerPrincipalIsRecordedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Who the container says calls: what a server's security service would report for the current request. */
    private static final AtomicReference<String> CALLER = new AtomicReference<>();

    private static DataSource database;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(WhoAmIFlow.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build(),
                    MockBean.builder().types(Principal.class).create(ctx -> (Principal) CALLER::get).build())
            .build();

    @Inject
    FlowEngine engine;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void the_caller_of_a_start_is_the_runs_starter_and_the_caller_of_a_signal_its_actor() {
        FlowHandle<String, String> whoami = engine.flow(WhoAmIFlow.class);
        CALLER.set("grace");
        String runId = whoami.start("order-7");
        await().atMost(PATIENCE).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
        CALLER.set("ops");

        assertThat(engine.signal(runId, "go", "now")).isInstanceOf(SignalDeliveryResult.Delivered.class);

        assertThat(whoami.result(runId, PATIENCE)).isEqualTo("order-7 by grace now");
        RunInfo info = engine.status(runId);
        assertThat(info.startedBy()).contains("grace");
        assertThat(info.events()).filteredOn(e -> e.type().equals("signal_delivered"))
                .extracting(EventInfo::actor).singleElement().isEqualTo(java.util.Optional.of("ops"));
    }

    @Test
    void an_anonymous_caller_is_no_caller() {
        FlowHandle<String, String> whoami = engine.flow(WhoAmIFlow.class);
        CALLER.set("ANONYMOUS");
        String anonymous = whoami.start("a");
        CALLER.set(null);
        String nameless = whoami.start("b");

        assertThat(engine.status(anonymous).startedBy()).isEmpty();
        assertThat(engine.status(nameless).startedBy()).isEmpty();
    }
}
