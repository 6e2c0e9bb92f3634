package io.iterativeflow.cdi.internal;

import jakarta.enterprise.inject.spi.Bean;

/**
 * A bean of type {@code FlowDefinition} (a producer method or field, or a synthetic bean).
 *
 * @param origin how messages name it, e.g. {@code producer method com.example.Flows.order()}
 */
record ProducedFlowBean(Bean<?> bean, String origin) {
}
