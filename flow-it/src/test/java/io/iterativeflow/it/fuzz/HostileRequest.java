package io.iterativeflow.it.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as sent: method, raw request target (path and query exactly as on the wire), headers and body bytes,
 * and the shape it was made from, for the report.
 */
record HostileRequest(String shape, String method, String target, Map<String, String> headers, byte[] body) {

    static HostileRequest get(String shape, String target) {
        return new HostileRequest(shape, "GET", target, Map.of(), null);
    }

    static HostileRequest postJson(String shape, String target, String json) {
        return post(shape, target, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    static HostileRequest post(String shape, String target, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HostileRequest(shape, "POST", target, headers, body);
    }

    HostileRequest with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new HostileRequest(shape, method, target, more, body);
    }

    HostileRequest method(String name) {
        return new HostileRequest(shape, name, target, headers, body);
    }

    /** What the report shows: shape, method, target and the start of the body. */
    String describe() {
        String text = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return shape + ": " + method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                + " " + headers.keySet() + " body(" + (body == null ? 0 : body.length) + ")=" + text
                .replace("\0", "\\0");
    }
}
