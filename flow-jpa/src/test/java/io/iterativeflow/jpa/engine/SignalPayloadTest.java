package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.core.config.PayloadLimits;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignalPayloadTest extends EngineTestBase {

    /** A payload type with Bean Validation constraints. */
    public record Amount(@Positive int value, @NotBlank String currency) {
    }

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final FlowDefinition<String, String> payment = FlowDefinition.builder("payment", String.class,
            String.class)
            .signal("amount", Amount.class)
            .body((ctx, in) -> {
                Amount amount = ctx.signal("amount", Amount.class);
                return amount.value() + " " + amount.currency();
            }).build();

    private Engine engine;
    private String runId;

    SignalPayloadTest(TestDatabase db) {
        super(db);
    }

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @BeforeEach
    void waitingRun() {
        engine = fixture.start(b -> b.validator(VALIDATION.getValidator())
                .settings(EngineFixture.FAST.withLimits(PayloadLimits.defaults().withMaxSignalPayloadBytes(64))),
                payment);
        runId = engine.flow(payment).start("x");
        await().atMost(WAIT).until(() -> engine.status(runId).status() == RunStatus.AWAITING_SIGNAL);
    }

    @Test
    void a_payload_breaking_the_declared_constraints_is_invalid_and_stores_nothing() {
        SignalDeliveryResult result = engine.signal(runId, "amount", new Amount(-5, " "));

        assertThat(result).isInstanceOfSatisfying(SignalDeliveryResult.InvalidPayload.class,
                invalid -> assertThat(invalid.issues()).containsExactly("currency: must not be blank",
                        "value: must be greater than 0"));
        assertNothingStored();
    }

    @Test
    void a_payload_of_another_type_than_declared_is_invalid() {
        SignalDeliveryResult wrongType = engine.signal(runId, "amount", "12 EUR");
        SignalDeliveryResult none = engine.signal(runId, "amount", null);

        assertThat(wrongType).isInstanceOfSatisfying(SignalDeliveryResult.InvalidPayload.class,
                invalid -> assertThat(invalid.issues()).singleElement().asString()
                        .contains("is a java.lang.String").contains(Amount.class.getName()));
        assertThat(none).isInstanceOf(SignalDeliveryResult.InvalidPayload.class);
        assertNothingStored();
    }

    @Test
    void a_payload_over_the_cap_is_refused_before_anything_is_written() {
        assertThatThrownBy(() -> engine.signal(runId, "amount", new Amount(1, "E".repeat(60))))
                .isInstanceOfSatisfying(FlowException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.SIGNAL_PAYLOAD_TOO_LARGE))
                .hasMessageContaining("flow.limits.max-signal-payload-bytes");
        assertNothingStored();
    }

    @Test
    void a_valid_payload_is_delivered_and_read_as_the_declared_type() {
        assertThat(engine.signal(runId, "amount", new Amount(12, "EUR")))
                .isInstanceOf(SignalDeliveryResult.Delivered.class);
        assertThat(engine.flow(payment).result(runId, WAIT)).isEqualTo("12 EUR");
    }

    @Test
    void bad_arguments_are_refused_with_a_code() {
        assertCode(() -> engine.signal(runId, null, new Amount(1, "EUR")), FlowErrorCode.ARGUMENT_INVALID);
        assertCode(() -> engine.signal(runId, " ", new Amount(1, "EUR")), FlowErrorCode.ARGUMENT_INVALID);
        assertCode(() -> engine.signal(runId, "a:b", new Amount(1, "EUR")), FlowErrorCode.ARGUMENT_INVALID);
        assertCode(() -> engine.signal(runId, "amount", new Amount(1, "EUR"), null), FlowErrorCode.ARGUMENT_INVALID);
        assertCode(() -> engine.signal(null, "amount", new Amount(1, "EUR")), FlowErrorCode.ARGUMENT_INVALID);
        assertCode(() -> engine.signal(UUID.randomUUID().toString(), "amount", new Amount(1, "EUR")),
                FlowErrorCode.RUN_NOT_FOUND);
        assertCode(() -> engine.signal("not-a-run", "amount", new Amount(1, "EUR")), FlowErrorCode.RUN_NOT_FOUND);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(db.sql().count("SELECT count(*) FROM workflow.signals")).isZero();
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type LIKE 'signal%'")).isZero();
        assertThat(statusOf(runId)).isEqualTo("awaiting_signal");
    }

    private static void assertCode(ThrowingCallable call, FlowErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
