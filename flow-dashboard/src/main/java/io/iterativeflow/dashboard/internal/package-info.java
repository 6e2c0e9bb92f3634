/** The dashboard's servlet, filter and CDI extension: internal, no compatibility guaranteed. */
package io.iterativeflow.dashboard.internal;
