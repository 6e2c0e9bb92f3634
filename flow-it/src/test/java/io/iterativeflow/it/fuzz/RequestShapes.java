package io.iterativeflow.it.fuzz;

import static io.iterativeflow.it.fuzz.HostileValues.pick;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Hostile paths, methods, query parameters and headers, with harmless bodies. */
final class RequestShapes {

    private static final List<String> PATHS = List.of("/runs/%2e%2e", "/runs/%2E%2E/runs", "/runs/..",
            "/runs/.", "/runs/a%2Fb", "/runs/a%2fb/result", "/runs/%23", "/runs/a%23b/cancel", "/runs/%00",
            "/runs/%zz", "/runs/%", "/runs/%e2%82", "/runs/" + "x".repeat(5_000), "/runs//", "/runs/", "//runs",
            "/runs/{run}/signals", "/runs/{run}/signals/", "/runs/{run}/signals/%2e%2e", "/runs/{run}/signals/a%2Fb",
            "/runs/{run}/signals/%00", "/runs/{run}/signals/bad:name", "/runs/{run}/signals/" + "s".repeat(300),
            "/runs/{run}/nothing", "/runs/{run}/result/extra", "/flows", "/flows/", "/flows/it-parcel",
            "/flows/it-parcel/runs/extra", "/flows/%2e%2e/runs", "/flows/a%2Fb/runs", "/flows/%00/runs",
            "/flows/no-such/runs", "/flows/it-parcel/runs;x=1", "/runs;a=b", "/runs/%E2%98%83", "/runs/{run}%20",
            "/runs/{run};m=1", "/runs/%2e%2e/%2e%2e/ping", "/flows/%23/runs", "/runs/{run}/signals/%23",
            "/runs/{run}/cancel/%2e%2e", "/runs/%ef%bf%bf", "/runs/%c0%ae%c0%ae");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO");

    private static final List<String> LIMITS = List.of("-1", "0", "501", "99999999999", "abc", "%00", "", "1e3",
            "%zz", "5%00", "1.5", "+5", "%20%20");
    private static final List<String> CURSORS = List.of("garbage", "AAAA", "%00", "x".repeat(300), "%zz",
            Base64.getUrlEncoder().encodeToString(new byte[29]), "AQAAAAAAAAAA%00", "%2e%2e");
    private static final List<String> STATUSES = List.of("sleepy", "%00", ",,,", "pending%00", "PENDING",
            "completed,,failed", "x".repeat(500), "%zz", "running%2Cfailed");
    private static final List<String> NAMES = List.of("%00", "it-parcel%00", "x".repeat(300), "%zz", "", "%20",
            "%E2%98%83", "a%2Fb");
    private static final List<String> TIMEOUTS = List.of("-1s", "forever", "999999999999d", "PT-1S", "%00",
            "0s", "1ms", "%zz", "P1000000D", "PT9999999999999H", "1e3s", "PT0S");
    private static final List<String> DELAYS = List.of("999999999999d", "-5s", "PT1000000H", "36501d", "%00",
            "soon", "P99999999D", "PT-1S", "1s", "%zz", "", "999999999999h");
    private static final List<String> PRIORITIES = List.of("9999999999", "x", "-2147483649", "%00", "", "1.5");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "garbage", ";;;",
            "application/json;q=0", "*/*;q=abc", "text/plain, application/json;q=0.1", "a/" + "b".repeat(3_000),
            "application/json; charset=nonsense", "image/png", "*/*", "");
    private static final List<String> KEYS = List.of("k".repeat(600), "k".repeat(6_000), "   ", "ключ-🔑",
            "%00", "\t", "a,b", "x".repeat(512), "nul\u0000key", "\u0000");
    private static final List<String> AUTHORIZATIONS = List.of("Basic !!!", "Bearer x", "Basic "
            + Base64.getEncoder().encodeToString("nobody:wrong".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "Digest x", "Basic");

    private RequestShapes() {
    }

    static List<Shape> all() {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < PATHS.size(); i++) {
            String path = PATHS.get(i);
            shapes.add(new Shape("path #" + i, (n, r, t) -> HostileRequest.get(n, t.api() + path.replace("{run}",
                    t.anyRun(r))).method(pick(r, METHODS))));
        }
        shapes.add(new Shape("list query", (n, r, t) -> HostileRequest.get(n, t.api() + "/runs?limit="
                + pick(r, LIMITS) + "&cursor=" + pick(r, CURSORS) + "&status=" + pick(r, STATUSES))));
        for (String name : List.of("limit", "cursor", "status", "name", "tag")) {
            shapes.add(new Shape("list " + name, (n, r, t) -> HostileRequest.get(n, t.api() + "/runs?" + name + "="
                    + pick(r, switch (name) {
                        case "limit" -> LIMITS;
                        case "cursor" -> CURSORS;
                        case "status" -> STATUSES;
                        default -> NAMES;
                    }))));
        }
        shapes.add(new Shape("malformed query", (n, r, t) -> HostileRequest.get(n, t.api() + pick(r, List.of(
                "/runs?&&&=", "/runs?limit", "/runs?=1", "/runs?limit=%", "/runs?%zz=1", "/runs?limit=1&limit=2",
                "/runs?status=%e2%82", "/runs?" + "a=1&".repeat(2_000))))));
        shapes.add(new Shape("result timeout", (n, r, t) -> HostileRequest.get(n, t.api() + "/runs/"
                + (r.nextBoolean() ? t.completed() : t.anyRun(r)) + "/result?timeout=" + pick(r, TIMEOUTS))));
        shapes.add(new Shape("start options", (n, r, t) -> HostileRequest.postJson(n, t.api() + BodyShapes.START
                + "?delay=" + pick(r, DELAYS) + "&priority=" + pick(r, PRIORITIES) + "&tags=" + pick(r, NAMES),
                "{\"id\":\"p\",\"grams\":5}")));
        for (int i = 0; i < ACCEPTS.size(); i++) {
            String accept = ACCEPTS.get(i);
            shapes.add(new Shape("accept #" + i, (n, r, t) -> pick(r, List.of(
                    HostileRequest.get(n, t.api() + "/runs/" + t.anyRun(r)),
                    HostileRequest.get(n, t.api() + "/runs?limit=2"),
                    HostileRequest.postJson(n, t.api() + BodyShapes.START, "{\"id\":\"a\",\"grams\":1}")))
                    .with("Accept", accept)));
        }
        for (int i = 0; i < KEYS.size(); i++) {
            String key = KEYS.get(i);
            shapes.add(new Shape("idempotency key #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api()
                    + BodyShapes.START, "{\"id\":\"k\",\"grams\":2}").with("Idempotency-Key", key)));
            shapes.add(new Shape("delivery id #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + "/runs/"
                    + t.sleeper(r) + "/signals/note", "\"n\"").with("Idempotency-Key", key)));
        }
        for (int i = 0; i < AUTHORIZATIONS.size(); i++) {
            String authorization = AUTHORIZATIONS.get(i);
            shapes.add(new Shape("credentials #" + i, (n, r, t) -> HostileRequest.get(n, t.api() + "/runs/"
                    + t.anyRun(r)).with("Authorization", authorization)));
        }
        return shapes;
    }
}
