/**
 * The public contract of iterativeflow: the only package with a compatibility promise.
 *
 * <p>A flow is a {@link io.iterativeflow.api.FlowBody} bean annotated {@link io.iterativeflow.api.Flow}, or a
 * {@link io.iterativeflow.api.FlowDefinition} built in code. Applications start and observe runs through the
 * {@link io.iterativeflow.api.FlowEngine} and typed {@link io.iterativeflow.api.FlowHandle}s.
 */
package io.iterativeflow.api;
