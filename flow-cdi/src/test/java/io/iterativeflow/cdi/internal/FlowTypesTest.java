package io.iterativeflow.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowTypesTest {

    static class Direct implements FlowBody<String, Integer> {
        @Override
        public Integer run(FlowContext ctx, String input) {
            return 0;
        }
    }

    abstract static class ListOf<X> implements FlowBody<X, List<X>> {
    }

    static class ThroughSuperclass extends ListOf<String> {
        @Override
        public List<String> run(FlowContext ctx, String input) {
            return List.of();
        }
    }

    interface FromText<O> extends FlowBody<String, O> {
    }

    static class ThroughInterface implements FromText<Map<String, Long>> {
        @Override
        public Map<String, Long> run(FlowContext ctx, String input) {
            return Map.of();
        }
    }

    abstract static class ArrayOf<X> implements FlowBody<X[], X> {
    }

    static class ThroughArray extends ArrayOf<String> {
        @Override
        public String run(FlowContext ctx, String[] input) {
            return "";
        }
    }

    @SuppressWarnings("rawtypes")
    abstract static class Raw implements FlowBody {
    }

    static class Unbound<T> extends ListOf<T> {
        @Override
        public List<T> run(FlowContext ctx, T input) {
            return List.of();
        }
    }

    /** JDK-made types to compare with. */
    List<String> listOfString;
    Map<String, Long> mapOfStringToLong;

    @Test
    void direct_type_arguments_are_found() {
        assertThat(FlowTypes.flowBodyArguments(Direct.class)).hasValueSatisfying(types ->
                assertThat(types).containsExactly(String.class, Integer.class));
    }

    @Test
    void type_variables_of_a_generic_superclass_are_replaced_by_what_the_subclass_binds() throws Exception {
        Type[] types = FlowTypes.flowBodyArguments(ThroughSuperclass.class).orElseThrow();

        assertThat(types[0]).isEqualTo(String.class);
        assertThat(types[1]).isEqualTo(getClass().getDeclaredField("listOfString").getGenericType());
        assertThat(types[1].hashCode())
                .isEqualTo(getClass().getDeclaredField("listOfString").getGenericType().hashCode());
        assertThat(types).allMatch(FlowTypes::isConcrete);
    }

    @Test
    void type_arguments_given_through_a_sub_interface_are_found() throws Exception {
        Type[] types = FlowTypes.flowBodyArguments(ThroughInterface.class).orElseThrow();

        assertThat(types).containsExactly(String.class,
                getClass().getDeclaredField("mapOfStringToLong").getGenericType());
    }

    @Test
    void a_generic_array_of_a_bound_variable_becomes_an_array_class() {
        assertThat(FlowTypes.flowBodyArguments(ThroughArray.class)).hasValueSatisfying(types ->
                assertThat(types).containsExactly(String[].class, String.class));
    }

    @Test
    void a_raw_or_unbound_flow_body_is_not_concrete() {
        assertThat(FlowTypes.flowBodyArguments(Raw.class).orElseThrow()).noneMatch(FlowTypes::isConcrete);
        assertThat(FlowTypes.flowBodyArguments(Unbound.class).orElseThrow()[0]).matches(t -> !FlowTypes.isConcrete(t));
        assertThat(FlowTypes.flowBodyArguments(Unbound.class).orElseThrow()[1]).matches(t -> !FlowTypes.isConcrete(t));
    }

    @Test
    void a_class_that_is_no_flow_body_has_no_arguments() {
        assertThat(FlowTypes.flowBodyArguments(String.class)).isEmpty();
    }
}
