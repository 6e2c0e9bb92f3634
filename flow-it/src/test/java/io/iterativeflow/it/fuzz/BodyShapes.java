package io.iterativeflow.it.fuzz;

import static io.iterativeflow.it.fuzz.HostileValues.pick;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hostile bodies for starts, signals (declared and undeclared) and cancels. */
final class BodyShapes {

    static final String START = "/flows/it-parcel/runs";

    private static final List<String> CONTENT_TYPES = List.of("application/json; charset=nonsense",
            "application/json; charset=", "application/json; charset", "application/json;;;", "text/plain",
            "application/xml", "garbage", "application/json; charset=utf-16", "application/json; charset=UTF-32",
            "*/*", "", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json; charset=\"utf-8\"", "APPLICATION/JSON", "application/json; charset=iso-8859-1",
            "application/json; charset=x-unknown-\u00e9");

    private static final List<byte[]> RAW = List.of(new byte[] {'"', (byte) 0xC3, 0x28, '"'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}, new byte[] {'"', (byte) 0xE2, (byte) 0x82},
            new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'}, new byte[] {'"', (byte) 0xED, (byte) 0xA0,
                (byte) 0x80, '"'}, "{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_16),
            "{\"id\":\"\u00e9\",\"grams\":1}".getBytes(StandardCharsets.ISO_8859_1), new byte[0]);

    private BodyShapes() {
    }

    static List<Shape> all() {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < HostileValues.MALFORMED.size(); i++) {
            String body = HostileValues.MALFORMED.get(i);
            shapes.add(new Shape("malformed start #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + START,
                    body)));
            shapes.add(new Shape("malformed review #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api()
                    + "/runs/" + (r.nextBoolean() ? t.guarded() : t.anyRun(r)) + "/signals/review", body)));
            shapes.add(new Shape("malformed note #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api()
                    + "/runs/" + t.sleeper(r) + "/signals/note", body)));
            shapes.add(new Shape("malformed cancel #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api()
                    + "/runs/" + (r.nextBoolean() ? t.guarded() : t.anyRun(r)) + "/cancel", body)));
        }
        for (int i = 0; i < 12; i++) {
            shapes.add(new Shape("hostile parcel #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + START,
                    HostileValues.parcel(r))));
            shapes.add(new Shape("hostile review #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + "/runs/"
                    + (r.nextBoolean() ? t.guarded() : t.reviewer(r)) + "/signals/review", HostileValues.review(r))));
            shapes.add(new Shape("hostile note #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + "/runs/"
                    + t.sleeper(r) + "/signals/note", HostileValues.anyValue(r))));
            shapes.add(new Shape("hostile reason #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api() + "/runs/"
                    + t.victim(r) + "/cancel", "{\"reason\":" + HostileValues.anyValue(r) + "}")));
            shapes.add(new Shape("hostile input value #" + i, (n, r, t) -> HostileRequest.postJson(n, t.api()
                    + START, HostileValues.anyValue(r))));
        }
        for (int i = 0; i < CONTENT_TYPES.size(); i++) {
            String type = CONTENT_TYPES.get(i);
            shapes.add(new Shape("content type start #" + i, (n, r, t) -> HostileRequest.post(n, t.api() + START,
                    type, HostileValues.parcel(r).getBytes(StandardCharsets.UTF_8))));
            shapes.add(new Shape("content type signal #" + i, (n, r, t) -> HostileRequest.post(n, t.api()
                    + "/runs/" + (r.nextBoolean() ? t.reviewer(r) + "/signals/review" : t.sleeper(r)
                    + "/signals/note"), type, HostileValues.review(r).getBytes(StandardCharsets.UTF_8))));
            shapes.add(new Shape("content type cancel #" + i, (n, r, t) -> HostileRequest.post(n, t.api()
                    + "/runs/" + t.victim(r) + "/cancel", type, "{\"reason\":\"x\"}".getBytes(
                    StandardCharsets.UTF_8))));
        }
        for (int i = 0; i < RAW.size(); i++) {
            byte[] body = RAW.get(i);
            shapes.add(new Shape("raw bytes start #" + i, (n, r, t) -> HostileRequest.post(n, t.api() + START,
                    pick(r, List.of("application/json", "application/json; charset=utf-8")), body)));
            shapes.add(new Shape("raw bytes signal #" + i, (n, r, t) -> HostileRequest.post(n, t.api() + "/runs/"
                    + (r.nextBoolean() ? t.guarded() : t.victim(r)) + "/signals/review", "application/json", body)));
        }
        shapes.add(new Shape("no content type", (n, r, t) -> HostileRequest.post(n, t.api() + START, null,
                HostileValues.parcel(r).getBytes(StandardCharsets.UTF_8))));
        shapes.add(new Shape("no body", (n, r, t) -> HostileRequest.post(n, t.api() + START, "application/json",
                null)));
        return shapes;
    }
}
