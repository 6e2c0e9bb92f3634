package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks every recorded flow, annotated and produced together, so that a name and version defined twice is found
 * whichever way each definition came in.
 */
final class FlowCatalog {

    private FlowCatalog() {
    }

    /** The flows to deploy; empty, with {@code problems} filled, when anything is wrong. */
    static List<DeployedFlow> check(List<AnnotatedFlowBean> annotated, List<ProducedFlowBean> produced,
            BeanManager beanManager, List<Problem> problems) {
        List<Problem> found = new ArrayList<>();
        Map<String, List<String>> originsById = new TreeMap<>();
        List<AnnotatedFlowBean> sorted = new ArrayList<>(annotated);
        sorted.sort(Comparator.comparing(flow -> flow.beanClass().getName()));
        for (AnnotatedFlowBean flow : sorted) {
            AnnotatedFlows.check(flow, found);
            if (AnnotatedFlows.hasValidIdentity(flow)) {
                originsById.computeIfAbsent(flow.name() + "@" + flow.version(), id -> new ArrayList<>())
                        .add(flow.origin());
            }
        }
        List<DeployedFlow> flows = new ArrayList<>();
        for (ProducedFlowBean bean : produced) {
            ProducedFlows.resolve(bean, beanManager, found).ifPresent(flow -> {
                flows.add(flow);
                originsById.computeIfAbsent(flow.id(), id -> new ArrayList<>()).add(flow.origin());
            });
        }
        originsById.forEach((id, origins) -> {
            if (origins.size() > 1) {
                found.add(Messages.duplicate(id, origins));
            }
        });
        problems.addAll(found);
        if (!found.isEmpty()) {
            return List.of();
        }
        sorted.forEach(flow -> flows.add(AnnotatedFlows.define(flow, beanManager)));
        return flows;
    }
}
