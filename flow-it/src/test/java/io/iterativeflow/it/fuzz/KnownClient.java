package io.iterativeflow.it.fuzz;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Well-formed requests around the storm: setting up the targets and checking on them afterwards. */
final class KnownClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URL app;

    KnownClient(URL app) {
        this.app = app;
    }

    /** GET of a path below the server's root, such as {@code /health}. */
    HttpResponse<String> root(String path) throws Exception {
        URI uri = URI.create(app.getProtocol() + "://" + app.getHost() + ":" + app.getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a path below the application, answered with a JSON object. */
    JsonObject json(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(app.toExternalForm() + path))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** POST of a JSON body to a path below the application; the answer's JSON object. */
    JsonObject post(String path, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(app.toExternalForm() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Starts a run; its id. */
    String start(String path, String json) throws Exception {
        return post(path, json).getString("runId");
    }
}
