package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.InputInvalidException;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Run inputs are checked against their type's Bean Validation constraints before a start writes anything. */
class InputValidationTest extends EngineTestBase {

    /** An input type with constraints, one of them on a nested value. */
    public record Order(@NotBlank String id, @Positive int grams, @Valid Address to) {
    }

    public record Address(@NotBlank String city) {
    }

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final FlowDefinition<Order, String> ship = FlowDefinition.builder("ship", Order.class, String.class)
            .body((ctx, order) -> ctx.step("label", String.class, s -> order.id() + "->" + order.to().city()))
            .build();

    InputValidationTest(TestDatabase db) {
        super(db);
    }

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void an_input_breaking_its_constraints_is_refused_with_every_issue_and_nothing_is_written() {
        Engine engine = fixture.start(b -> b.validator(VALIDATION.getValidator()), ship);

        assertThatThrownBy(() -> engine.flow(ship).start(new Order(" ", 0, new Address("")),
                StartOptions.none().withIdempotencyKey("o-1")))
                .isInstanceOfSatisfying(InputInvalidException.class, e -> {
                    assertThat(e.code()).isEqualTo(FlowErrorCode.INPUT_INVALID);
                    assertThat(e.issues()).extracting(i -> i.request() + " " + i.path() + ": " + i.message())
                            .containsExactly("0 grams: must be greater than 0", "0 id: must not be blank",
                                    "0 to.city: must not be blank");
                    assertThat(e.requests()).containsExactly(0);
                })
                .hasMessageContaining("the input of flow ship@1")
                .hasMessageContaining("to.city: must not be blank");
        assertNothingWritten();
    }

    @Test
    void startAll_with_invalid_inputs_writes_nothing_and_names_every_invalid_request() {
        Engine engine = fixture.start(b -> b.validator(VALIDATION.getValidator()), ship);
        List<StartRequest<Order>> requests = List.of(
                StartRequest.of(new Order("a", 1, new Address("Oslo"))),
                StartRequest.of(new Order("b", -1, new Address("Rome"))),
                StartRequest.of(new Order("c", 3, new Address("Lima"))),
                StartRequest.of(new Order("", 4, new Address(" "))));

        assertThatThrownBy(() -> engine.flow(ship).startAll(requests))
                .isInstanceOfSatisfying(InputInvalidException.class, e -> {
                    assertThat(e.requests()).containsExactly(1, 3);
                    assertThat(e.issues()).extracting(Object::toString).containsExactly(
                            "grams: must be greater than 0", "id: must not be blank", "to.city: must not be blank");
                })
                .hasMessageContaining("2 of the 4 requests")
                .hasMessageContaining("request 1: grams: must be greater than 0")
                .hasMessageContaining("request 3: id: must not be blank, to.city: must not be blank");
        assertNothingWritten();
    }

    @Test
    void valid_inputs_start_and_run() {
        Engine engine = fixture.start(b -> b.validator(VALIDATION.getValidator()), ship);

        String runId = engine.flow(ship).start(new Order("o-7", 1500, new Address("Bergen")));
        List<String> more = engine.flow(ship).startAll(List.of(StartRequest.of(new Order("o-8", 1,
                new Address("Oslo")))));

        assertThat(engine.flow(ship).result(runId, WAIT)).isEqualTo("o-7->Bergen");
        assertThat(engine.flow(ship).result(more.get(0), WAIT)).isEqualTo("o-8->Oslo");
    }

    @Test
    void a_child_input_breaking_its_constraints_fails_the_parent_with_input_invalid_and_starts_no_child() {
        FlowDefinition<String, String> parent = FlowDefinition.builder("dispatch", String.class, String.class)
                .body((ctx, city) -> ctx.invoke(ship, new Order("p", -2, new Address(city)))).build();
        Engine engine = fixture.start(b -> b.validator(VALIDATION.getValidator()), parent, ship);
        String runId = engine.flow(parent).start("Oslo");

        assertThatThrownBy(() -> engine.flow(parent).result(runId, WAIT))
                .isInstanceOfSatisfying(RunFailedException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowErrorCode.INPUT_INVALID))
                .hasMessageContaining("grams: must be greater than 0");
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(1);
    }

    @Test
    void without_a_validator_inputs_are_not_validated() {
        Engine engine = fixture.start(ship);

        String runId = engine.flow(ship).start(new Order("", -1, new Address("Oslo")));

        assertThat(engine.flow(ship).result(runId, WAIT)).isEqualTo("->Oslo");
    }

    private void assertNothingWritten() {
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isZero();
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events")).isZero();
    }
}
