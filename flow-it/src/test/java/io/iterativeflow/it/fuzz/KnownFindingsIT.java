package io.iterativeflow.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each hostile request a review of the REST module found, with the status and code it must get now: the caller's
 * mistakes are 4xx with a JSON code and message (never a 500 or a 503), and runtime and server answers are JSON too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnownFindingsIT {

    private static final String START = "/flows/it-parcel/runs";

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostileRequestsIT.deployment();
    }

    @Test
    void bodies_the_engine_cannot_keep_as_sent_are_the_callers_errors() throws Exception {
        KnownClient http = new KnownClient(app);
        String sleeper = http.start("api" + START, "{\"id\":\"s\",\"grams\":1,\"hold\":true}");
        String reviewer = http.start("api/flows/it-review/runs", "\"r\"");

        expect(post(START, "application/json; charset=nonsense", "{}"), 415, "UNSUPPORTED_MEDIA_TYPE", "nonsense");
        expect(post(START, "application/json", "[".repeat(10_000)), 400, "INPUT_INVALID", "100 levels");
        expect(post(START, "application/json", "{\"id\":\"a\\u0000b\",\"grams\":1}"), 400, "INPUT_INVALID",
                "$.id holds a NUL");
        expect(post(START, "application/json", "{\"id\":\"a\",\"grams\":99999999999999999999}"), 400,
                "INPUT_INVALID", "$.grams does not fit");
        expect(post(START, "application/json", "{\"id\":\"a\",\"grams\":1e99999}"), 400, "INPUT_INVALID",
                "out of range");
        expect(post(START, "application/json", "{\"id\":\"a\",\"grams\":1}{\"b\":2}"), 400, "INPUT_INVALID",
                "goes on after");
        expect(post(START, "application/json", "{\"id\":\"a\",\"grams\":\"many\"}"), 400, "INPUT_INVALID",
                "expected an object");
        expect(post("/runs/" + sleeper + "/signals/note", "application/json", "\"x\\u0000\""), 400,
                "SIGNAL_PAYLOAD_INVALID", "NUL");
        expect(post("/runs/" + reviewer + "/signals/review", "application/json", "{\"stars\":1e400}"), 400,
                "SIGNAL_PAYLOAD_INVALID", "out of range");
        expect(post("/runs/" + sleeper + "/cancel", "application/json", "{\"reason\":\"a\\u0000\"}"), 400,
                "ARGUMENT_INVALID", "NUL");
    }

    @Test
    void query_parameters_the_engine_cannot_keep_are_the_callers_errors() throws Exception {
        expect(get("/runs?name=a%00b"), 400, "ARGUMENT_INVALID", "NUL");
        expect(get("/runs?tag=%00"), 400, "ARGUMENT_INVALID", "NUL");
        expect(post(START + "?delay=999999999999d", "application/json", "{\"id\":\"d\"}"), 400, "ARGUMENT_INVALID",
                "start delay");
        expect(post(START + "?tags=a%00", "application/json", "{\"id\":\"d\"}"), 400, "ARGUMENT_INVALID", "NUL");
        expect(get("/runs?limit=%zz"), 400, "BAD_REQUEST", "percent-escape");
        expect(send(HostileRequest.postJson("", api() + START, "{\"id\":\"k\"}").with("Idempotency-Key",
                "nul\u0000key")), 400, "ARGUMENT_INVALID", "idempotency key holds a NUL");
    }

    @Test
    void answers_of_the_runtime_and_the_server_are_json() throws Exception {
        expect(get("/runs/a/b/c/d"), 404, "NOT_FOUND", "no resource");
        expect(send(HostileRequest.get("", api() + "/runs/a").method("DELETE")), 405, "METHOD_NOT_ALLOWED", "Allow");
        expect(send(HostileRequest.get("", api() + "/runs").with("Accept", "text/html")), 406, "NOT_ACCEPTABLE",
                "application/json");
        expect(post(START, "text/plain", "{}"), 415, "UNSUPPORTED_MEDIA_TYPE", "application/json");
        for (String path : new String[] {"/runs/%2e%2e", "/runs/a%2Fb", "/runs/%23", "/flows/%2e%2e/runs"}) {
            expect(get(path), 400, "BAD_REQUEST", "encoded");
            expect(get(path), 400, "BAD_REQUEST", "encoded");
        }
    }

    private RawHttp.Answer get(String path) throws Exception {
        return send(HostileRequest.get("", api() + path));
    }

    private RawHttp.Answer post(String path, String contentType, String body) throws Exception {
        return send(HostileRequest.post("", api() + path, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private RawHttp.Answer send(HostileRequest request) throws Exception {
        return new RawHttp(app.getHost(), app.getPort()).send(request);
    }

    private String api() {
        return app.getPath() + "api";
    }

    private static void expect(RawHttp.Answer answer, int status, String code, String text) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(AnswerRules.broken(answer, false)).as(answer.body()).isEmpty();
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject error = reader.readObject();
            assertThat(error.getString("code")).isEqualTo(code);
            assertThat(error.getString("message")).contains(text);
        }
    }
}
