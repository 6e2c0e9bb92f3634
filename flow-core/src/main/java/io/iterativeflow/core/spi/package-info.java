/**
 * The storage contract between the engine and its database layer. Internal: no compatibility guaranteed.
 *
 * <p>Every method is one transaction. Methods taking a {@link io.iterativeflow.core.spi.Fence} write only while the
 * attempt still owns the run ({@code id, lease_owner, attempts} match and the status is {@code running}); when it does
 * not, they write nothing and report the lost lease. Every time comparison uses the database clock plus
 * {@link io.iterativeflow.core.spi.FlowStore}'s clock offset.
 */
package io.iterativeflow.core.spi;
