package io.iterativeflow.it.events;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the flow events test's resource under {@code /api}. */
@ApplicationPath("api")
public class EventsApplication extends Application {
}
