package io.iterativeflow.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.iterativeflow.api.TypeRef;

class TypedJsonTest {

    /** An input as a flow declares it. */
    public record Parcel(String id, int grams, long serial, double weight, float ratio, boolean hold,
            List<Integer> counts) {
    }

    @Test
    void a_body_that_fits_is_read_as_the_declared_type() {
        Parcel parcel = (Parcel) TypedJson.read("{\"id\":\"p\",\"grams\":1500,\"serial\":9007199254740993,"
                + "\"weight\":0.1,\"ratio\":0.123456789,\"hold\":true,\"counts\":[1,2],\"unknown\":1}", Parcel.class);
        assertThat(parcel).isEqualTo(new Parcel("p", 1500, 9007199254740993L, 0.1, 0.123456789f, true,
                List.of(1, 2)));
        assertThat(TypedJson.read("null", Parcel.class)).isNull();
        assertThat(TypedJson.read("{\"a\":99999999999999999999}", new TypeRef<Map<String, Object>>() { }.type()))
                .isEqualTo(Map.of("a", new java.math.BigDecimal("99999999999999999999")));
    }

    @Test
    void a_number_the_field_cannot_hold_is_refused_instead_of_changed() {
        expect("{\"grams\":99999999999999999999}", "the number 99999999999999999999 at $.grams does not fit");
        expect("{\"grams\":2147483648}", "at $.grams does not fit");
        expect("{\"serial\":1e19}", "at $.serial does not fit");
        expect("{\"counts\":[1,4294967296]}", "at $.counts[1] does not fit");
        expect("{\"weight\":1e-400}", "out of range");
        expect("{\"weight\":1e99999}", "out of range");
    }

    @Test
    void a_value_of_the_wrong_json_type_is_refused_in_json_terms() {
        Throwable wrong = catchProblem("{\"grams\":\"many\"}");
        assertThat(wrong.getMessage()).contains("expected an object {\"id\": text, \"grams\": an integer from"
                + " -2147483648 to 2147483647").doesNotContain("java.").doesNotContain("Parcel")
                .doesNotContain("Exception");
        assertThat(catchProblem("[1,2]").getMessage()).contains("expected an object");
        assertThat(catchProblem("{\"a\":1}{\"b\":2}").getMessage()).contains("goes on after its JSON value");
    }

    @Test
    void properties_named_in_a_failure_become_a_json_path() {
        assertThat(TypedJson.place(new IllegalStateException("Unable to deserialize property 'lines' because of:",
                new IllegalStateException("Unable to deserialize property 'qty' because of: bad")))).isEqualTo(
                "at $.lines.qty ");
        assertThat(TypedJson.place(new IllegalStateException("no property here"))).isEmpty();
    }

    private static Throwable catchProblem(String body) {
        try {
            TypedJson.read(body, Parcel.class);
        } catch (BodyProblem e) {
            return e;
        }
        throw new AssertionError("accepted " + body);
    }

    private static void expect(String body, String text) {
        assertThatThrownBy(() -> TypedJson.read(body, Parcel.class)).isInstanceOf(BodyProblem.class)
                .hasMessageContaining(text).message().doesNotContain("java.").doesNotContain("Exception");
    }
}
