package io.iterativeflow.it.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A REST root that declares a role of its own for the REST module ({@code flow.rest.role=flow-operator}). */
@ApplicationPath("api")
@DeclareRoles(DeclaredRoleApplication.ROLE)
public class DeclaredRoleApplication extends Application {

    static final String ROLE = "flow-operator";
}
