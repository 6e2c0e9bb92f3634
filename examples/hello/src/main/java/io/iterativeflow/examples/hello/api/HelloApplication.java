package io.iterativeflow.examples.hello.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the example's REST resources under {@code /api}. */
@ApplicationPath("api")
public class HelloApplication extends Application {
}
