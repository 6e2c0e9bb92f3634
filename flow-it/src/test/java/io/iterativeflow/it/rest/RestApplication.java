package io.iterativeflow.it.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's REST root; the REST module's resources are found under it. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
