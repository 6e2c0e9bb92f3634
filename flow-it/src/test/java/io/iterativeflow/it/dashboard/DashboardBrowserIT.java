package io.iterativeflow.it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.rest.FailOnceFlow;
import io.iterativeflow.it.rest.PingResource;
import io.iterativeflow.it.rest.RestApplication;
import io.iterativeflow.it.servers.LibertyServer;

/**
 * The dashboard in headless Chromium, on a Liberty server of its own configured with the README's dashboard recipe
 * (the XML block that binds {@code flow-viewer}): {@code ada} has {@code flow-admin}, {@code vera}
 * {@code flow-viewer}, {@code bob} neither. Runs are started and checked through the REST API, as a client would;
 * everything else happens in the browser. The pages are saved as screenshots in
 * {@code target/dashboard-screenshots} (the README shows copies from {@code docs/dashboard}).
 */
class DashboardBrowserIT {

    private static final String READY = "app/api/ping";

    private static LibertyServer server;
    private static Browser browser;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startTheServerAndTheBrowser() throws Exception {
        browser = Browser.start(Path.of("target", "dashboard-screenshots"));
        WebArchive war = Deployments.withDashboard(Deployments.war("app", RestApplication.class, PingResource.class,
                DeskFlow.class, DeskFlow.Ticket.class, DeskFlow.Approval.class, EscalationFlow.class,
                FailOnceFlow.class));
        server = LibertyServer.create("flowBrowser", 12, war, List.of());
        Files.createDirectories(server.directory().resolve("apps"));
        Files.move(server.directory().resolve("dropins/app.war"), server.directory().resolve("apps/app.war"));
        Files.writeString(server.directory().resolve("configDropins/overrides/dashboard.xml"),
                "<server>\n" + xmlBlockOfReadmeContaining("flow-viewer") + "\n</server>\n");
        server.start(READY);
    }

    @AfterAll
    static void stopThem() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void the_list_shows_runs_started_through_the_api_and_the_queue() throws Exception {
        String first = start("Printer on fire", "the third floor printer smokes");
        String second = start("Password reset", "locked out again");

        browser.signIn("ada", "ada-secret").open(page("index.html"));

        browser.shown("tr[data-run-id='" + first + "']");
        browser.shown("tr[data-run-id='" + second + "']");
        assertThat(browser.find("tr[data-run-id='" + first + "']").getText()).contains(DeskFlow.NAME + "@1",
                "awaiting_signal");
        browser.until(b -> browser.find("#queue-ready").getText().matches("\\d+") ? Boolean.TRUE : null);
        assertThat(browser.find("#queue-running").getText()).matches("\\d+");
        assertThat(browser.find("#caller").getText()).contains("ada").doesNotContain("read-only");

        browser.choose("#filter-status", "completed");
        browser.find("#apply-filters").click();
        browser.until(b -> browser.all("tr[data-run-id='" + first + "']").isEmpty());
        browser.choose("#filter-status", "any");
        browser.find("#apply-filters").click();
        browser.shown("tr[data-run-id='" + first + "']");
        browser.screenshot("runs");
    }

    @Test
    void a_runs_page_shows_its_steps_and_what_it_waits_for() throws Exception {
        String runId = start("Laptop request", "a new laptop for the new colleague");

        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + runId));

        browser.shown("tr[data-step='triage']");
        assertThat(browser.find("tr[data-step='triage']").getText()).contains("completed");
        assertThat(browser.showsText("#waiting-signal", "approve").getText()).isEqualTo("approve");
        assertThat(browser.find("#run-status").getText()).isEqualTo("awaiting_signal");
        assertThat(browser.find("#run-input").getText()).contains("Laptop request");
        browser.screenshot("run");
    }

    @Test
    void signal_and_cancel_from_the_page_change_the_run() throws Exception {
        String approved = start("Desk move", "to the window");
        String canceled = start("Old request", "no longer needed");
        browser.signIn("ada", "ada-secret");

        browser.open(page("run.html?id=" + approved));
        browser.shown("#signal-name");
        browser.type("#signal-name", "approve");
        browser.type("#signal-payload", "{\"by\": \"ada\"}");
        browser.find("#signal-submit").click();
        assertThat(browser.showsText("#signal-delivery-result", "delivered").getText()).isEqualTo("delivered");
        browser.showsText("#run-status", "completed");
        browser.shown("tr[data-step='close']");
        JsonObject run = run(approved);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("output")).isEqualTo("Desk move approved by ada (3 words)");

        browser.open(page("run.html?id=" + canceled));
        browser.shown("#cancel-reason");
        browser.type("#cancel-reason", "asked by the requester");
        browser.find("#cancel-submit").click();
        browser.showsText("#action-result", "Canceled.");
        browser.showsText("#run-status", "canceled");
        assertThat(run(canceled).getString("status")).isEqualTo("canceled");
    }

    @Test
    void a_failed_run_shows_its_error_in_the_timeline_and_retries_from_the_page() throws Exception {
        String runId = start("it-fail-once", "\"paperwork\"", "failed");

        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + runId));

        assertThat(browser.shown("tr[data-step='check']").getText()).contains("failed",
                "the first attempt always fails");
        assertThat(browser.find("#run-failure").getText()).contains("the first attempt always fails");
        browser.until(b -> browser.find("#retry-submit").isEnabled() ? Boolean.TRUE : null);
        browser.find("#retry-submit").click();
        browser.showsText("#action-result", "Retried.");
        browser.showsText("#run-status", "completed");
        assertThat(browser.find("#run-output").getText()).isEqualTo("\"checked paperwork\"");
        assertThat(run(runId).getString("status")).isEqualTo("completed");
    }

    @Test
    void invalid_json_is_shown_next_to_the_field_and_nothing_is_sent() throws Exception {
        String runId = start("Monitor", "second screen");
        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + runId));
        browser.showsText("#waiting-signal", "approve");
        int events = run(runId).getJsonArray("events").size();

        browser.type("#signal-name", "approve");
        browser.type("#signal-payload", "{\"by\": ada}");
        browser.find("#signal-submit").click();

        WebElement error = browser.showsText("#signal-payload-error", "SIGNAL_PAYLOAD_INVALID");
        assertThat(error.getText()).contains("the payload is not valid JSON");
        browser.run("arguments[0].scrollIntoView({block: 'center'})", error);
        browser.screenshot("invalid-json");
        JsonObject after = run(runId);
        assertThat(after.getString("status")).isEqualTo("awaiting_signal");
        assertThat(after.getJsonArray("events")).hasSize(events);

        browser.open(page("index.html"));
        browser.shown("#start-flow");
        String key = "never-" + UUID.randomUUID();
        browser.type("#start-flow", DeskFlow.NAME);
        browser.type("#start-key", key);
        browser.type("#start-input", "{\"subject\": \"x\",}");
        browser.find("#start-submit").click();
        assertThat(browser.showsText("#start-input-error", "INPUT_INVALID").getText())
                .contains("the input is not valid JSON");
        assertThat(startedWithKey(key)).isFalse();

        browser.type("#start-input", "{\"subject\": \"Started from the page\", \"body\": \"fine now\"}");
        browser.find("#start-submit").click();
        browser.showsText("#start-result", "Started");
        assertThat(browser.find("#start-input-error").getText()).isEmpty();
        String fromThePage = browser.find("#start-result a").getText();
        browser.shown("tr[data-run-id='" + fromThePage + "']");
        assertThat(startedWithKey(key)).isTrue();
    }

    @Test
    void payloads_are_shown_as_text_and_never_run() throws Exception {
        String hostile = "<img src=x onerror=\"window.flowPwned=1\"><script>window.flowPwned=2</script>";
        String runId = start(hostile, "</pre><b id=\"injected\">bold</b>");

        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + runId));

        browser.showsText("#run-input", "<script>window.flowPwned=2</script>");
        assertThat(browser.find("#run-input").getText()).contains("<img src=x onerror=", "<b id=\\\"injected\\\">");
        assertThat(browser.all("#run-input img, #run-input script, #injected")).isEmpty();
        browser.open(page("index.html"));
        browser.shown("tr[data-run-id='" + runId + "']");
        assertThat(browser.run("return window.flowPwned === undefined")).isEqualTo(true);
    }

    @Test
    void the_read_only_role_sees_everything_and_can_act_on_nothing() throws Exception {
        String runId = start("Chair", "a chair that does not squeak");
        browser.signIn("vera", "vera-secret").open(page("run.html?id=" + runId));

        browser.showsText("#waiting-signal", "approve");
        browser.shown("#read-only");
        assertThat(browser.find("#signal").isDisplayed()).isFalse();
        assertThat(browser.find("#cancel").isDisplayed()).isFalse();
        browser.screenshot("read-only");

        Object status = browser.runAsync("const done = arguments[arguments.length - 1];"
                + "fetch('api/runs/' + arguments[0] + '/cancel', {method: 'POST', headers: {'X-Flow-Dashboard': '1',"
                + " 'Content-Type': 'application/json'}, body: ''}).then(r => done(r.status), e => done(String(e)));",
                runId);
        assertThat(status).isEqualTo(403L);
        assertThat(run(runId).getString("status")).isEqualTo("awaiting_signal");
    }

    @Test
    void a_change_without_the_dashboards_header_is_refused_even_for_an_admin() throws Exception {
        String runId = start("Keyboard", "a quiet one");
        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + runId));
        browser.showsText("#waiting-signal", "approve");

        Object status = browser.runAsync("const done = arguments[arguments.length - 1];"
                + "fetch('api/runs/' + arguments[0] + '/cancel', {method: 'POST', body: ''})"
                + ".then(r => done(r.status), e => done(String(e)));", runId);

        assertThat(status).isEqualTo(403L);
        assertThat(run(runId).getString("status")).isEqualTo("awaiting_signal");
    }

    @Test
    void a_user_without_a_role_and_an_anonymous_one_are_refused() throws Exception {
        String runId = start("Secret plans", "for nobody's eyes");

        browser.signIn("bob", "bob-secret").open(page("index.html"));
        assertThat(browser.all("#runs")).isEmpty();
        assertThat(browser.text()).doesNotContain(runId);
        browser.open(page("api/runs?limit=5"));
        assertThat(browser.text()).contains("403").doesNotContain(runId);
        browser.open(page("run.html?id=" + runId));
        assertThat(browser.all("#run")).isEmpty();

        assertThat(status("flow-dashboard/index.html", null)).isEqualTo(401);
        assertThat(status("flow-dashboard/api/runs", null)).isEqualTo(401);
        assertThat(status("flow-dashboard/api/runs", "bob:bob-secret")).isEqualTo(403);
        assertThat(status("flow-dashboard/dashboard.css", "bob:bob-secret")).isEqualTo(403);
    }

    @Test
    void an_unknown_run_gets_a_not_found_page() throws Exception {
        String unknown = UUID.randomUUID().toString();

        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + unknown));

        assertThat(browser.shown("#not-found h1").getText()).isEqualTo("Not found");
        assertThat(browser.find("#not-found-message").getText()).contains(unknown);
        assertThat(browser.find("#run").isDisplayed()).isFalse();
        assertThat(browser.title()).startsWith("Not found");

        browser.open(page("run.html?id=not-a-run-id"));
        assertThat(browser.shown("#not-found h1").getText()).isEqualTo("Not found");
    }

    @Test
    void a_parents_page_shows_the_child_it_waits_for_in_its_tree() throws Exception {
        String parent = start(EscalationFlow.NAME, "Broken window", "glass everywhere", "awaiting_child");

        browser.signIn("ada", "ada-secret").open(page("run.html?id=" + parent));

        WebElement child = browser.shown("#children .tree li a.run-link");
        String childId = child.getText();
        assertThat(browser.find("#children").getText()).contains(DeskFlow.NAME + "@1", "awaiting_signal");
        assertThat(browser.find("#waiting").getText()).contains("Waiting for child", childId);
        child.click();
        browser.showsText("#run-id", childId);
        browser.showsText("#waiting-signal", "approve");
    }

    private static URI page(String path) {
        return server.uri("app/flow-dashboard/" + path);
    }

    /** Starts a run of {@link DeskFlow} through the REST API, as ada, and waits until it waits for its signal. */
    private String start(String subject, String body) throws Exception {
        return start(DeskFlow.NAME, subject, body, "awaiting_signal");
    }

    /** Starts a run of {@code flow} with a ticket through the REST API, as ada; waits until it is in {@code status}. */
    private String start(String flow, String subject, String body, String status) throws Exception {
        return start(flow, Json.createObjectBuilder().add("subject", subject).add("body", body).build().toString(),
                status);
    }

    /** Starts a run of {@code flow} with {@code json} through the REST API, as ada; waits for {@code status}. */
    private String start(String flow, String json, String status) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(server.uri("app/api/flows/" + flow + "/runs"))
                .header("Authorization", basic("ada:ada-secret"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String runId = json(started.body()).getString("runId");
        await("run " + runId + " reaches " + status).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> run(runId).getString("status").equals(status));
        return runId;
    }

    private JsonObject run(String runId) throws Exception {
        HttpResponse<String> answer = get("runs/" + runId);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private boolean startedWithKey(String key) throws Exception {
        HttpResponse<String> answer = get("runs?name=" + DeskFlow.NAME + "&limit=500");
        return answer.body().contains(key);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("app/api/" + path))
                .header("Authorization", basic("ada:ada-secret")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("app/" + path)).GET();
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The first fenced {@code xml} block of the repository's README.md that contains {@code marker}. */
    private static String xmlBlockOfReadmeContaining(String marker) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int from = 0;
        while (true) {
            int start = readme.indexOf("```xml\n", from);
            assertThat(start).as("an xml block with " + marker + " in README.md").isNotNegative();
            int end = readme.indexOf("```", start + 7);
            String block = readme.substring(start + 7, end);
            if (block.contains(marker)) {
                return block;
            }
            from = end + 3;
        }
    }
}
