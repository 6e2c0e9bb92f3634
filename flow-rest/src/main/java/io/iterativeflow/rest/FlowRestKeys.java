package io.iterativeflow.rest;

/** MicroProfile Config keys of the REST module. */
public final class FlowRestKeys {

    /**
     * The role a caller needs for every resource of the module (default {@value #ROLE_DEFAULT}). The value
     * {@value #ROLE_NONE} turns the check off: only for applications that secure these paths some other way.
     */
    public static final String ROLE = "flow.rest.role";
    public static final String ROLE_DEFAULT = "flow-admin";
    public static final String ROLE_NONE = "none";

    /** The longest a {@code GET /runs/{id}/result} may block, as a duration (default 5m). */
    public static final String MAX_WAIT = "flow.rest.max-wait";
    public static final String MAX_WAIT_DEFAULT = "5m";

    private FlowRestKeys() {
    }
}
