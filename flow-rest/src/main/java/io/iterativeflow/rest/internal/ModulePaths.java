package io.iterativeflow.rest.internal;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** Whether a request is under the module's paths: {@code flows} or {@code runs} first below the REST root. */
final class ModulePaths {

    private ModulePaths() {
    }

    static boolean matches(UriInfo uri) {
        try {
            return firstSegmentIsOurs(relative(uri.getRequestUri(), uri.getBaseUri()));
        } catch (RuntimeException e) {
            return false; // no request in scope, or one whose URI the runtime could not make sense of
        }
    }

    static String relative(URI request, URI base) {
        String path = request.getRawPath() == null ? "" : request.getRawPath();
        String root = base.getRawPath() == null ? "" : base.getRawPath();
        return path.startsWith(root) ? path.substring(root.length()) : path;
    }

    /** Whether any segment of a raw request path is {@code flows} or {@code runs} (the REST root is not known here). */
    static boolean anySegmentIsOurs(String rawPath) {
        for (String segment : rawPath.split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix < 0 ? segment : segment.substring(0, matrix);
            if (name.equals("flows") || name.equals("runs")) {
                return true;
            }
        }
        return false;
    }

    static boolean firstSegmentIsOurs(String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        int matrix = first.indexOf(';');
        first = matrix < 0 ? first : first.substring(0, matrix);
        return first.equals("flows") || first.equals("runs");
    }
}
