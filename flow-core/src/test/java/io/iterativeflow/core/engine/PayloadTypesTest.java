package io.iterativeflow.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.TypeRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadTypesTest {

    @Test
    void an_undeclared_signal_accepts_any_payload_even_null() {
        assertThat(PayloadTypes.issues("f", "s", Optional.empty(), 42)).isEmpty();
        assertThat(PayloadTypes.issues("f", "s", Optional.empty(), null)).isEmpty();
    }

    @Test
    void a_declared_signal_wants_an_instance_of_its_raw_type() {
        Optional<TypeRef<?>> list = Optional.of(new TypeRef<List<String>>() { });
        assertThat(PayloadTypes.issues("f", "s", list, List.of("a"))).isEmpty();
        assertThat(PayloadTypes.issues("f", "s", list, "a")).singleElement().asString()
                .contains("is a java.lang.String").contains("java.util.List<java.lang.String>");
        assertThat(PayloadTypes.issues("f", "s", list, null)).singleElement().asString()
                .contains("must not be null");
    }

    @Test
    void a_primitive_declaration_accepts_its_boxed_value() {
        Optional<TypeRef<?>> primitive = Optional.of(TypeRef.of(int.class));
        assertThat(PayloadTypes.issues("f", "s", primitive, 7)).isEmpty();
        assertThat(PayloadTypes.issues("f", "s", primitive, 7L)).hasSize(1);
    }
}
