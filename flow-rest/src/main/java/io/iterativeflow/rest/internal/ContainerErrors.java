package io.iterativeflow.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page of the module's web fragment: the answers the server gives on its own, before or around the REST
 * runtime (a URI with an encoded {@code .}, {@code /} or {@code #}, a header or query the runtime cannot parse), as
 * JSON {@code {code, message}} for paths with a {@code flows} or {@code runs} segment and as one line of text
 * elsewhere; never the server's page with the failing class and stack. A URI refused for its encoding is the
 * caller's error: 400, also when the server reports it as a failure of its own.
 */
public class ContainerErrors extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer given ? given : 404;
        if (status >= 500 && refusedUri(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            status = 400;
        }
        String path = uri instanceof String given ? given : request.getRequestURI();
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (ModulePaths.anySegmentIsOurs(path)) {
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("code", HttpErrors.code(status))
                    .add("message", status == 400 ? "the request cannot be read: its URI, query or headers are"
                            + " malformed or hold an encoded '.', '/', '#' or NUL in a path segment; send plain path"
                            + " segments and valid headers" : HttpErrors.message(status)).build().toString());
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("Error " + status + "\n");
        }
    }

    /** Whether the failure is the server refusing the URI's encoding (its message id CWWWC0005I). */
    static boolean refusedUri(Object failure) {
        for (Object t = failure; t instanceof Throwable e; t = e.getCause() == e ? null : e.getCause()) {
            if (String.valueOf(e.getMessage()).contains("CWWWC0005I")) {
                return true;
            }
        }
        return false;
    }
}
