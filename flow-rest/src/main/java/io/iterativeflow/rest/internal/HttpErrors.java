package io.iterativeflow.rest.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * The failures the REST runtime meets on its own (no such path, wrong method, unacceptable or unsupported media type, a
 * header or query it cannot parse) as JSON errors with a code and a message, for requests under the module's paths
 * ({@code flows/...} and {@code runs/...} of the application's REST root).
 *
 * <p>Other paths belong to the application: for them this mapper hands the exception on to the mapper the runtime
 * would otherwise have chosen (the application's or the server's mapper of {@code Exception} or {@code Throwable});
 * without one, a {@code WebApplicationException} gets its own response and anything else is rethrown, as if this
 * mapper did not exist. Its priority is below the default one, so an application's own mapper of
 * {@code RuntimeException} takes precedence everywhere, and its mappers of narrower types do anyway.
 */
@Provider
@Priority(Priorities.USER + 1000)
public class HttpErrors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class.getName());

    @Context
    UriInfo uri;

    @Context
    Providers providers;

    @Override
    public Response toResponse(RuntimeException e) {
        Response original = e instanceof WebApplicationException web ? web.getResponse() : null;
        if (!ModulePaths.matches(uri)) {
            return othersAnswer(e, original);
        }
        int status = original == null ? 400 : original.getStatus();
        if (original == null) {
            LOG.log(Level.FINE, "a request under the iterativeflow REST API could not be read", e);
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code(status), message(status), null, List.of()));
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    private Response othersAnswer(RuntimeException e, Response original) {
        ExceptionMapper<Exception> wider = providers == null ? null : providers.getExceptionMapper(Exception.class);
        if (wider != null && wider.getClass() != HttpErrors.class) {
            return wider.toResponse(e);
        }
        if (original != null) {
            return original;
        }
        throw e;
    }

    static String code(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 401, 403 -> "ACCESS_DENIED";
            default -> status >= 500 ? Answers.INTERNAL_ERROR : "BAD_REQUEST";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 404 -> "no resource of the iterativeflow REST API at this path; the paths are flows/{name}/runs,"
                    + " runs, runs/{id}, runs/{id}/result, runs/{id}/cancel, runs/{id}/retry and"
                    + " runs/{id}/signals/{name}, each path segment URL-encoded";
            case 405 -> "this path does not take this HTTP method; the Allow header lists the ones it takes";
            case 406 -> "the iterativeflow REST API answers in JSON only; accept application/json";
            case 413 -> "the request is too large; send a smaller body";
            case 415 -> "this request needs a JSON body; send it with Content-Type: application/json";
            case 401, 403 -> "the request is not allowed; sign in with the role the iterativeflow REST API requires";
            default -> status >= 500 ? "the request failed unexpectedly; the server log has the details; retry, and"
                    + " report it if it persists"
                    : "the request cannot be read: check its URL encoding, query parameters and headers";
        };
    }
}
