package io.iterativeflow.it.fuzz;

import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/**
 * What every answer under the REST module's paths must be: a success, or a 4xx whose body is a JSON object with a
 * string {@code code} and {@code message}; never a 5xx, a stack trace, a Java type or package name.
 */
final class AnswerRules {

    /** A qualified Java name such as java.lang.String or io.iterativeflow.api.Flow. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|sun|io\\.iterativeflow)\\.[a-z][A-Za-z0-9_]*\\.[A-Za-z_$]");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private AnswerRules() {
    }

    /**
     * A URI that Liberty cannot decode (an encoded NUL, a malformed escape) is refused before any application is
     * chosen, so no application can answer it: a 400 that names the message id and nothing else is accepted.
     */
    static boolean refusedByTheHttpLayer(RawHttp.Answer answer) {
        return answer.status() == 400 && answer.body().startsWith("<H1>CWWWC0005I: ");
    }

    /** Why {@code answer} breaks the rules, or empty when it keeps them. */
    static Optional<String> broken(RawHttp.Answer answer, boolean headRequest) {
        if (answer.status() >= 500) {
            return Optional.of("status " + answer.status());
        }
        String body = answer.body();
        if (body.contains("Exception") || STACK_FRAME.matcher(body).find()) {
            return Optional.of("stack trace or exception name in the body");
        }
        if (JAVA_NAME.matcher(body).find()) {
            return Optional.of("Java type or package name in the body");
        }
        if (answer.status() < 400 || headRequest || refusedByTheHttpLayer(answer)) {
            return Optional.empty();
        }
        if (answer.status() >= 500 || !String.valueOf(answer.headers().get("content-type")).startsWith(
                "application/json")) {
            return Optional.of("error answer without a JSON content type: " + answer.headers().get("content-type"));
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject();
            if (!(error.get("code") instanceof JsonString code) || code.getString().isBlank()
                    || !(error.get("message") instanceof JsonString message) || message.getString().isBlank()) {
                return Optional.of("error body without a string code and message");
            }
        } catch (JsonException | IllegalStateException e) {
            return Optional.of("error body that is not a JSON object");
        }
        return Optional.empty();
    }
}
