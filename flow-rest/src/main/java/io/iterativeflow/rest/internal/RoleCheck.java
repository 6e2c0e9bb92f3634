package io.iterativeflow.rest.internal;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.rest.FlowRestKeys;

/**
 * Lets a request through only when its caller has the role named by {@link FlowRestKeys#ROLE}: 401 when nobody
 * signed in, 403 when the caller lacks the role. Applies to the module's resources only ({@link FlowRestSecured}).
 */
@Provider
@FlowRestSecured
@Priority(Priorities.AUTHORIZATION)
public class RoleCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String role = requiredRole();
        if (FlowRestKeys.ROLE_NONE.equals(role)) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            request.abortWith(Answers.error(401, FlowErrorCode.ACCESS_DENIED.name(), "sign in: the iterativeflow"
                    + " REST API needs a caller with role '" + role + "' (set " + FlowRestKeys.ROLE + " to change"
                    + " it)", null, List.of()));
        } else if (!security.isUserInRole(role)) {
            request.abortWith(Answers.error(403, FlowErrorCode.ACCESS_DENIED.name(), "caller '"
                    + security.getUserPrincipal().getName() + "' lacks role '" + role + "', which the iterativeflow"
                    + " REST API requires; grant it, or set " + FlowRestKeys.ROLE + " to a role the caller has",
                    null, List.of()));
        }
    }

    static String requiredRole() {
        String role = ConfigProvider.getConfig().getOptionalValue(FlowRestKeys.ROLE, String.class)
                .map(String::trim).orElse(FlowRestKeys.ROLE_DEFAULT);
        return role.isEmpty() ? FlowRestKeys.ROLE_DEFAULT : role;
    }
}
