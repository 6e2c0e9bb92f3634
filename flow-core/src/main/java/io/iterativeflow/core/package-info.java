/**
 * The engine: replay, claiming, retries, timers, leases. Internal: no compatibility guaranteed. Applications depend on
 * {@code io.iterativeflow.api} only.
 */
package io.iterativeflow.core;
