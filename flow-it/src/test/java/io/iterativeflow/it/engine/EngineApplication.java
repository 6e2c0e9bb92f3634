package io.iterativeflow.it.engine;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the engine test's resource under {@code /api}. */
@ApplicationPath("api")
public class EngineApplication extends Application {
}
