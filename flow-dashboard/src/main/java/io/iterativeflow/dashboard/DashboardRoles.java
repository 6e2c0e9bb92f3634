package io.iterativeflow.dashboard;

/**
 * The roles and the request header of the dashboard. Both roles are declared by the module's web fragment, so an
 * application only binds them to its users and groups.
 */
public final class DashboardRoles {

    /** Sees everything and acts: cancel, retry, signal and start. The REST API's default role too. */
    public static final String ADMIN = "flow-admin";

    /** Sees everything and changes nothing. */
    public static final String VIEWER = "flow-viewer";

    /**
     * The header every changing request must carry (any non-blank value). A page of another site can make a browser
     * send a form or a simple request with the user's credentials, but not with a custom header: that needs a CORS
     * preflight, which the dashboard never grants.
     */
    public static final String ACTION_HEADER = "X-Flow-Dashboard";

    private DashboardRoles() {
    }
}
