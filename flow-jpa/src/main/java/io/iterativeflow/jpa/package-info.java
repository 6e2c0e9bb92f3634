/**
 * The PostgreSQL store of the engine.
 *
 * <p>Public: {@link io.iterativeflow.jpa.JpaFlowStore} (with {@link io.iterativeflow.jpa.JpaFlowStoreBuilder}) and
 * {@link io.iterativeflow.jpa.StoreConflictException}. The store implements the engine's internal
 * {@code io.iterativeflow.core.spi.FlowStore}; applications use it through the engine, not directly. Everything
 * under {@code io.iterativeflow.jpa.internal} is internal, no compatibility guaranteed.
 */
package io.iterativeflow.jpa;
