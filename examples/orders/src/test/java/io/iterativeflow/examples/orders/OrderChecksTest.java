package io.iterativeflow.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.iterativeflow.api.PermanentFailureException;

class OrderChecksTest {

    @Test
    void a_complete_order_passes() {
        assertThatCode(() -> OrderChecks.check(new Order("1", "Ada", "ada@example.org",
                List.of(new OrderLine("kettle", 2), new OrderLine("mug", 100))))).doesNotThrowAnyException();
    }

    @Test
    void every_problem_of_an_order_is_named_and_the_failure_is_permanent() {
        Order order = new Order(" ", null, "nobody", List.of(new OrderLine("mug", 0), new OrderLine("", 1)));

        assertThat(OrderChecks.problems(order)).containsExactly("orderId is missing", "customer is missing",
                "email must be an e-mail address", "quantity of mug must be 1 to 100", "every line needs a sku");
        assertThatThrownBy(() -> OrderChecks.check(order)).isInstanceOf(PermanentFailureException.class)
                .hasMessageStartingWith("invalid order: orderId is missing; customer is missing");
    }

    @Test
    void an_order_needs_lines_and_each_sku_once() {
        assertThat(OrderChecks.problems(new Order("1", "Ada", "a@b", List.of())))
                .containsExactly("an order has 1 to 20 lines");
        assertThat(OrderChecks.problems(new Order("1", "Ada", "a@b", null)))
                .containsExactly("an order has 1 to 20 lines");
        assertThat(OrderChecks.problems(new Order("1", "Ada", "a@b",
                List.of(new OrderLine("mug", 1), new OrderLine("mug", 2)))))
                .containsExactly("sku mug appears twice; put it on one line");
    }
}
