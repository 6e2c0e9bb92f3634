package io.iterativeflow.examples.hello.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Any other failure: HTTP errors keep their status, a body that is not the expected JSON is a 400, everything else
 * is a 500 whose details go to the server log, not to the client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException http) {
            // keeps the status and headers (Allow, WWW-Authenticate) of the HTTP error
            Response.StatusType status = http.getResponse().getStatusInfo();
            return Response.fromResponse(http.getResponse())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("HTTP_" + status.getStatusCode(), status.getReasonPhrase(), null))
                    .build();
        }
        if (e instanceof JsonbException unreadable) {
            // Liberty's JSON-B provider reports an unreadable request body this way
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("BODY_INVALID", "the request body is not the JSON this endpoint expects: "
                            + unreadable.getMessage(), null))
                    .build();
        }
        LOG.log(Level.SEVERE, "unexpected failure", e);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("INTERNAL_ERROR", "unexpected server error; see the server log", null))
                .build();
    }
}
