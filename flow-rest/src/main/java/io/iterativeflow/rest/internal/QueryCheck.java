package io.iterativeflow.rest.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request under the module's paths whose query string has a malformed percent-escape ({@code %zz}, a lone
 * {@code %}) with a JSON 400 that says so; the REST runtime would refuse it with an empty body. Other requests pass
 * untouched.
 */
public class QueryCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if (query == null || query.indexOf('%') < 0 || wellFormed(query)
                || !ModulePaths.anySegmentIsOurs(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(400);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("code", "BAD_REQUEST").add("message", "the query"
                + " string has a malformed percent-escape; write '%' as %25 and every other escape as % and two hex"
                + " digits").build().toString());
    }

    static boolean wellFormed(String query) {
        try {
            URLDecoder.decode(query, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
