package io.iterativeflow.it.smoke;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the smoke test's resources under {@code /api}. */
@ApplicationPath("api")
public class SmokeApplication extends Application {
}
