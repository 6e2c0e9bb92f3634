package io.iterativeflow.it.telemetry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST root of the telemetry test application. */
@ApplicationPath("api")
public class TelemetryApplication extends Application {
}
