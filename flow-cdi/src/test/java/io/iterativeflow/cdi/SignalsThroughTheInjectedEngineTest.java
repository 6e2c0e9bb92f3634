package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.cdi.flows.PaymentFlow;
import io.iterativeflow.cdi.internal.FlowExtension;
import io.iterativeflow.cdi.testing.ValidatorProducer;
import io.iterativeflow.cdi.testing.WithConfig;
import io.iterativeflow.jpa.testing.DatabaseTest;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@code @FlowSignal} declaration and the container's Validator reach the engine the extension builds. */
@DatabaseTest
@WithConfig({"flow.instance-id=cdi-signals", "flow.shutdown.timeout=2s", "flow.worker.poll-interval=200ms"})
@EnableWeld
class SignalsThroughTheInjectedEngineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static DataSource database;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(PaymentFlow.class, ValidatorProducer.class)
                    .addExtension(new FlowExtension()))
            .addBeans(MockBean.builder().types(DataSource.class).qualifiers(FlowDataSource.Literal.INSTANCE)
                    .creating(database).build())
            .build();

    @Inject
    FlowEngine engine;

    @BeforeAll
    static void database(DataSource dataSource) {
        database = dataSource;
    }

    @Test
    void a_payload_is_validated_with_the_containers_validator_before_it_is_delivered() {
        FlowHandle<String, String> payment = engine.flow(PaymentFlow.class);
        String runId = payment.start("order-7");
        await().atMost(PATIENCE).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);

        SignalDeliveryResult invalid = engine.signal(runId, "amount", new PaymentFlow.Amount(0, "EUR"));
        SignalDeliveryResult valid = engine.signal(runId, "amount", new PaymentFlow.Amount(30, "EUR"));

        assertThat(invalid).isInstanceOfSatisfying(SignalDeliveryResult.InvalidPayload.class,
                result -> assertThat(result.issues()).containsExactly("value: must be greater than 0"));
        assertThat(valid).isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(payment.result(runId, PATIENCE)).isEqualTo("order-7 paid 30 EUR");
    }
}
