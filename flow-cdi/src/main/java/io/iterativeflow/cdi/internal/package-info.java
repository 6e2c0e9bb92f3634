/**
 * The portable extension and the beans it adds: internal, no compatibility guaranteed.
 *
 * <p>Deployment message ids (stable; the text may improve): {@code FLOWCDI001}–{@code FLOWCDI019} flow definitions,
 * {@code FLOWCDI020}–{@code FLOWCDI029} configuration, {@code FLOWCDI030}–{@code FLOWCDI039} resources the engine
 * needs at boot. See {@link io.iterativeflow.cdi.internal.Messages}.
 */
package io.iterativeflow.cdi.internal;
