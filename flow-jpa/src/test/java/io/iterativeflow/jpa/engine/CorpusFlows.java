package io.iterativeflow.jpa.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.Pipeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The flows of the replay corpus. Their code is part of the corpus: recorded histories replay against exactly these
 * definitions, so change them only together with a regenerated corpus (see {@link ReplayCorpusGenerator}). Each
 * step function counts its executions, so a replay can prove that no recorded step ran again.
 */
final class CorpusFlows {

    /** One scenario: a flow, the input of its run, and the signals sent, in order, once the run waits for each. */
    record Scenario(String name, FlowDefinition<?, ?> flow, Object input, List<Map.Entry<String, String>> signals) {
    }

    final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

    private int ran(String what) {
        return executions.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Repeated names (a, a:1, a:2), a numeric name, repeated sleeps, ctx.now(). */
    final FlowDefinition<String, String> keys = FlowDefinition.builder("corpus-keys", String.class, String.class)
            .body((ctx, in) -> {
                StringBuilder out = new StringBuilder(in);
                for (String name : List.of("a", "a", "b", "a", "7", "7")) {
                    out.append(ctx.step(name, String.class, s -> {
                        ran("keys/" + name);
                        return "-" + name;
                    }));
                }
                ctx.sleep("nap", Duration.ofMillis(1));
                ctx.now();
                ctx.sleep("nap", Duration.ofMillis(1));
                String last = ctx.step("b", String.class, s -> {
                    ran("keys/b-again");
                    return "-end";
                });
                return out.append(last).toString();
            }).build();

    /** Signals, the same name twice (signal:approve, signal:approve:1), between steps. */
    final FlowDefinition<String, String> signals = FlowDefinition.builder("corpus-signals", String.class,
            String.class)
            .signal("approve", String.class)
            .signal("note", String.class)
            .body((ctx, in) -> {
                String prepared = ctx.step("prepare", String.class, s -> {
                    ran("signals/prepare");
                    return in + "!";
                });
                String first = ctx.signal("approve", String.class);
                String note = ctx.signal("note", String.class);
                String second = ctx.signal("approve", String.class);
                return ctx.step("finish", String.class, s -> {
                    ran("signals/finish");
                    return prepared + first + note + second;
                });
            }).build();

    /** A child flow, invoked twice (invoke:corpus-double@1, invoke:corpus-double@1:1). */
    final FlowDefinition<Integer, Integer> child = FlowDefinition.builder("corpus-double", Integer.class,
            Integer.class).body((ctx, n) -> ctx.step("times-two", Integer.class, s -> n * 2)).build();

    final FlowDefinition<Integer, Integer> parent = FlowDefinition.builder("corpus-parent", Integer.class,
            Integer.class).body((ctx, n) -> {
                int base = ctx.step("plan", Integer.class, s -> {
                    ran("parent/plan");
                    return n + 1;
                });
                int first = ctx.invoke(child, base);
                int second = ctx.invoke(child, first);
                return ctx.step("sum", Integer.class, s -> {
                    ran("parent/sum");
                    return first + second;
                });
            }).build();

    /** A builder flow: a branch, a bounded loop whose body repeats a step and a sleep, a signal node. */
    final FlowDefinition<Integer, String> pipeline = FlowDefinition.builder("corpus-pipeline", Integer.class,
            String.class)
            .signal("go", String.class)
            .steps(Pipeline.<Integer>start()
                    .step("start", Integer.class, (n, scope) -> {
                        ran("pipeline/start");
                        return n;
                    })
                    .branch("size", n -> n > 10,
                            big -> big.step("halve", Integer.class, (n, scope) -> {
                                ran("pipeline/halve");
                                return n / 2;
                            }),
                            small -> small)
                    .loop("count", n -> n >= 9, 5, body -> body
                            .step("inc", Integer.class, (n, scope) -> {
                                ran("pipeline/inc");
                                return n + 1;
                            })
                            .sleep("tick", Duration.ofMillis(1)))
                    .signal("go", String.class, (n, go) -> go + n)
                    .output(s -> s))
            .build();

    List<Scenario> scenarios() {
        return List.of(
                new Scenario("keys", keys, "k", List.of()),
                new Scenario("signals", signals, "s", List.of(Map.entry("approve", "yes"),
                        Map.entry("note", "n"), Map.entry("approve", "again"))),
                new Scenario("child", parent, 4, List.of()),
                new Scenario("pipeline", pipeline, 14, List.of(Map.entry("go", "go:"))));
    }

    FlowDefinition<?, ?>[] all() {
        return new FlowDefinition<?, ?>[] {keys, signals, child, parent, pipeline};
    }
}
