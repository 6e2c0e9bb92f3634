package io.iterativeflow.examples.hello.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.RunFailedException;

/**
 * Turns the engine's errors into JSON answers with the {@link io.iterativeflow.api.FlowErrorCode}: never a stack
 * trace (server errors are logged instead).
 */
@Provider
public class FlowExceptionMapper implements ExceptionMapper<FlowException> {

    private static final Logger LOG = Logger.getLogger(FlowExceptionMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "1";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(FlowException e) {
        String runId = e.runId().orElseGet(() -> uriInfo.getPathParameters().getFirst("runId"));
        int status = status(e);
        Response.ResponseBuilder answer = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e, runId));
        switch (e.code()) {
            case RESULT_TIMEOUT -> {
                // not finished yet: look at the run, or ask again
                if (runId != null) {
                    answer.location(uriInfo.getBaseUriBuilder().path(GreetingResource.class).path(runId).build());
                }
                answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            case ENGINE_STOPPED, STORE_UNAVAILABLE -> answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            default -> { }
        }
        if (status >= 500) {
            LOG.log(Level.WARNING, "request failed with " + e.code(), e);
        }
        return answer.build();
    }

    static int status(FlowException e) {
        if (e instanceof RunFailedException) {
            // the run ended failed or canceled: it has no result, and asking again will not change that
            return Status.CONFLICT.getStatusCode();
        }
        return switch (e.code()) {
            case RUN_NOT_FOUND -> Status.NOT_FOUND.getStatusCode();
            case ARGUMENT_INVALID, INPUT_INVALID, INPUT_TOO_LARGE -> Status.BAD_REQUEST.getStatusCode();
            case RESULT_TIMEOUT -> Status.ACCEPTED.getStatusCode();
            case ENGINE_STOPPED, STORE_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE.getStatusCode();
            default -> Status.INTERNAL_SERVER_ERROR.getStatusCode();
        };
    }
}
