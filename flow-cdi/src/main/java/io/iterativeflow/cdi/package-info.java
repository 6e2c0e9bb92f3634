/**
 * CDI integration of iterativeflow: add the jar to the application and {@code @Inject FlowEngine}.
 *
 * <p>A portable extension (registered in {@code META-INF/services}, so no {@code beans.xml} entry is needed) finds
 * every {@link io.iterativeflow.api.Flow @Flow} bean and every {@link io.iterativeflow.api.FlowDefinition} bean,
 * checks them and the {@code flow.*} configuration at deployment (every problem is reported at once, each with a
 * stable {@code FLOWCDI} id), and starts the engine when the application has started. Public here:
 * {@link io.iterativeflow.cdi.FlowDataSource} and the keys in {@link io.iterativeflow.cdi.FlowConfigKeys}.
 * Everything in {@code io.iterativeflow.cdi.internal} is internal, no compatibility guaranteed.
 */
package io.iterativeflow.cdi;
