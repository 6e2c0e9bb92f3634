package io.iterativeflow.it.tx;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the transaction test's resource under {@code /api}. */
@ApplicationPath("api")
public class TxApplication extends Application {
}
