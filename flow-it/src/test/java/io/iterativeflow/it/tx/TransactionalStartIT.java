package io.iterativeflow.it.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.iterativeflow.it.Deployments;
import io.iterativeflow.it.TestDatabase;

/**
 * Transactional starts on Open Liberty with container-managed JTA: a {@code @Transactional} resource writes an order
 * row and starts runs in one transaction; a rollback leaves neither, a commit leaves both and the runs complete. The
 * flow's transactional step writes a shipment row through the engine's own (non-JTA) data source.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransactionalStartIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final TestDatabase database = TestDatabase.fromEnvironment();

    @ArquillianResource
    private URL app;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("tx", TxApplication.class, OrdersResource.class, ShippingFlow.class,
                ApprovalsResource.class, ApprovalFlow.class);
    }

    @BeforeEach
    void createBusinessTables() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS public.it_tx_orders (order_name text PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS public.it_tx_shipments (order_name text NOT NULL)");
        }
    }

    @Test
    void a_start_in_a_transaction_that_rolls_back_leaves_no_run_and_no_order() throws Exception {
        String order = uniqueOrder();

        HttpResponse<String> response = post("api/orders/rollback", order, 409);

        String runId = response.body();
        assertThat(UUID.fromString(runId)).isNotNull();
        assertThat(count("SELECT count(*) FROM workflow.runs WHERE id = ?::uuid", runId)).isZero();
        assertThat(count("SELECT count(*) FROM public.it_tx_orders WHERE order_name = ?", order)).isZero();
    }

    @Test
    void a_start_in_a_transaction_that_commits_runs_to_the_end_with_its_order() throws Exception {
        String order = uniqueOrder();

        String runId = post("api/orders/commit", order, 201).body();

        awaitCompleted(runId);
        assertThat(count("SELECT count(*) FROM public.it_tx_orders WHERE order_name = ?", order)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM public.it_tx_shipments WHERE order_name = ?", order)).isEqualTo(1);
        assertThat(text("SELECT output #>> '{}' FROM workflow.runs WHERE id = ?::uuid", runId))
                .isEqualTo("shipped " + order + " (1)");
    }

    @Test
    void a_bulk_start_in_a_transaction_is_all_or_nothing() throws Exception {
        List<String> rolledBack = List.of(uniqueOrder(), uniqueOrder(), uniqueOrder());
        List<String> committed = List.of(uniqueOrder(), uniqueOrder(), uniqueOrder());

        List<String> goneIds = post("api/orders/bulk/rollback", String.join("\n", rolledBack), 409).body()
                .lines().toList();
        List<String> runIds = post("api/orders/bulk/commit", String.join("\n", committed), 201).body()
                .lines().toList();

        assertThat(goneIds).hasSize(3);
        for (String id : goneIds) {
            assertThat(count("SELECT count(*) FROM workflow.runs WHERE id = ?::uuid", id)).isZero();
        }
        assertThat(runIds).hasSize(3).doesNotHaveDuplicates();
        for (String id : runIds) {
            awaitCompleted(id);
        }
        for (String order : committed) {
            assertThat(count("SELECT count(*) FROM public.it_tx_shipments WHERE order_name = ?", order))
                    .isEqualTo(1);
        }
    }

    @Test
    void the_engine_answers_inside_a_transaction_without_joining_it() throws Exception {
        String runId = post("api/orders/commit", uniqueOrder(), 201).body();
        awaitCompleted(runId);

        HttpResponse<String> status = send(HttpRequest.newBuilder(uri("api/orders/" + runId + "/status")).GET());

        assertThat(status.statusCode()).as("status answered %s", status.body()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("completed");
    }

    @Test
    void a_signal_sent_in_a_transaction_is_delivered_only_when_it_commits() throws Exception {
        String order = uniqueOrder();
        String runId = post("api/approvals", order, 201).body();
        await("run " + runId + " waits for its decision").atMost(RUN_TIMEOUT).pollInterval(POLL)
                .until(() -> text("SELECT status FROM workflow.runs WHERE id = ?::uuid", runId),
                        "awaiting_signal"::equals);

        assertThat(post("api/approvals/" + runId + "/rollback", "rejected", 409).body()).isEqualTo("Delivered");
        assertThat(count("SELECT count(*) FROM workflow.signals WHERE run_id = ?::uuid", runId)).isZero();
        assertThat(text("SELECT status FROM workflow.runs WHERE id = ?::uuid", runId)).isEqualTo("awaiting_signal");

        assertThat(post("api/approvals/" + runId + "/commit", "approved", 200).body()).isEqualTo("Delivered");
        awaitCompleted(runId);
        assertThat(text("SELECT output #>> '{}' FROM workflow.runs WHERE id = ?::uuid", runId))
                .isEqualTo(order + ": approved");
    }

    private void awaitCompleted(String runId) {
        String status = await("run " + runId + " ends").atMost(RUN_TIMEOUT).pollInterval(POLL)
                .until(() -> text("SELECT status FROM workflow.runs WHERE id = ?::uuid", runId),
                        s -> s != null && List.of("completed", "failed", "canceled").contains(s));
        assertThat(status).as("status of run %s", runId).isEqualTo("completed");
    }

    /** The engine starts after the application, so a first call may be refused with 503 for a moment. */
    private HttpResponse<String> post(String path, String body, int expected) throws Exception {
        HttpResponse<String> response = await("the engine accepts a start").atMost(READY_TIMEOUT).pollInterval(POLL)
                .until(() -> send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body))), r -> r.statusCode() != 503);
        assertThat(response.statusCode()).as("%s answered %s", path, response.body()).isEqualTo(expected);
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        return app.toURI().resolve(path);
    }

    private long count(String sql, String parameter) throws SQLException {
        return Long.parseLong(text(sql, parameter));
    }

    private String text(String sql, String parameter) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String uniqueOrder() {
        return "order-" + UUID.randomUUID();
    }
}
