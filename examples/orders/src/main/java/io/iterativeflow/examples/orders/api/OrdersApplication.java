package io.iterativeflow.examples.orders.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST root: the engine's resources of {@code flow-rest} ({@code /api/flows/...}, {@code /api/runs/...}) and the
 * example's own ({@code /api/inventory/...}) are served under it.
 */
@ApplicationPath("api")
public class OrdersApplication extends Application {
}
