package io.iterativeflow.it.servers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.iterativeflow.it.TestDatabase;
import io.iterativeflow.it.arquillian.TestDatabaseOverrideWriter;

/**
 * A Liberty server of its own, outside Arquillian, in the runtime that flow-it's build unpacked: created from the
 * same server.xml as the Arquillian server, with its own ports, the test database and one WAR in {@code dropins}.
 * Started and stopped with {@code bin/server}, or killed with SIGKILL to simulate a crash.
 */
public final class LibertyServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path wlp;
    private final String name;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LibertyServer(Path wlp, String name, int httpPort) {
        this.wlp = wlp;
        this.name = name;
        this.httpPort = httpPort;
    }

    /**
     * Creates (or recreates) server {@code name} with {@code war} deployed, listening on the Arquillian server's HTTP
     * port plus {@code portOffset}. {@code jvmOptions} go into its {@code jvm.options}.
     */
    public static LibertyServer create(String name, int portOffset, WebArchive war, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return create(name, portOffset, war, jvmOptions,
                TestDatabaseOverrideWriter.overrides(TestDatabase.fromEnvironment()));
    }

    /** {@link #create(String, int, WebArchive, List)} with {@code overrides} as its configDropins override file. */
    public static LibertyServer create(String name, int portOffset, WebArchive war, List<String> jvmOptions,
            String overrides) throws IOException, InterruptedException {
        Path wlp = Path.of(System.getProperty("flow.it.wlp.dir"));
        int basePort = Integer.parseInt(System.getProperty("flow.it.http.port"));
        LibertyServer server = new LibertyServer(wlp, name, basePort + portOffset);
        server.stop();
        Path dir = server.directory();
        deleteTree(dir);
        Files.createDirectories(dir.resolve("dropins"));
        Files.createDirectories(dir.resolve("configDropins/overrides"));
        Path template = wlp.resolve("usr/servers").resolve(System.getProperty("flow.it.server.name"));
        Files.copy(template.resolve("server.xml"), dir.resolve("server.xml"));
        Files.writeString(dir.resolve("configDropins/overrides/flow-test-database.xml"), overrides);
        Files.writeString(dir.resolve("bootstrap.properties"), "http.port=" + server.httpPort + "\nhttps.port="
                + (server.httpPort + 1000) + "\n");
        Files.write(dir.resolve("jvm.options"), jvmOptions, StandardCharsets.UTF_8);
        war.as(ZipExporter.class).exportTo(dir.resolve("dropins").resolve(war.getName()).toFile(), true);
        return server;
    }

    /** Starts the server and waits until {@code readyPath} (under the root URL) answers 200. */
    public void start(String readyPath) throws IOException, InterruptedException {
        start(readyPath, START_TIMEOUT);
    }

    /** {@link #start(String)}, waiting up to {@code patience} for {@code readyPath}. */
    public void start(String readyPath, Duration patience) throws IOException, InterruptedException {
        run("start");
        await("server " + name + " answering " + readyPath + " (see " + directory().resolve("logs/messages.log")
                + ")").atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> answers(readyPath));
    }

    /** Starts the server without waiting for any application (for deployments that are expected to fail). */
    void startServerOnly() throws IOException, InterruptedException {
        run("start");
    }

    /** The server's {@code messages.log} so far; empty before the server wrote one. */
    public String messages() throws IOException {
        Path log = directory().resolve("logs/messages.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the server's JVM with SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "server " + name + " is not running (pid " + pid + ")"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The running server's process id, as its {@code .pid} file names it. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid")).trim());
    }

    void stop() throws IOException, InterruptedException {
        if (Files.exists(directory())) {
            run("stop");
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    public Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private boolean answers(String path) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name)
                .redirectErrorStream(true)
                .redirectOutput(directory().getParent().resolve(name + "-" + command + ".out").toFile())
                .start();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("'server " + command + " " + name + "' did not finish in "
                    + START_TIMEOUT);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
