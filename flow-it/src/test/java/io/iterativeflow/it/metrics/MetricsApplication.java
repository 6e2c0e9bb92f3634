package io.iterativeflow.it.metrics;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST root of the metrics test application; the REST module's resources are found under it. */
@ApplicationPath("api")
public class MetricsApplication extends Application {
}
