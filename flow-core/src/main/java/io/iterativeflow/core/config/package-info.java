/** Internal to the engine: no compatibility guaranteed. */
package io.iterativeflow.core.config;
