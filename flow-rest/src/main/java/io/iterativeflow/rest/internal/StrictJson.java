package io.iterativeflow.rest.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import io.iterativeflow.core.json.JsonPaths;
import io.iterativeflow.core.json.StorableText;

/**
 * Reads a request body as one JSON value and refuses, with where and why, what the engine could not keep as sent:
 * invalid JSON, content after the value, nesting deeper than {@value #MAX_DEPTH}, a number outside the range of a
 * double or longer than {@value #MAX_NUMBER_LENGTH} characters, and text with a NUL character or a lone surrogate.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 100;
    public static final int MAX_NUMBER_LENGTH = 400;
    /** Decimal exponents of the largest and smallest (subnormal) magnitudes a double holds. */
    private static final int MAX_EXPONENT = 308;
    private static final int MIN_EXPONENT = -324;

    /** Looked up once: {@code Json.createParser} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The place of a field name not read yet. */
    private static final Object PENDING = new Object();

    private final Deque<Object> path = new ArrayDeque<>();

    private StrictJson() {
    }

    /** The value of {@code text}; {@link BodyProblem} when it is not one storable JSON value. */
    public static JsonValue read(String text) {
        new StrictJson().check(text);
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new BodyProblem("the body is not valid JSON; check its syntax");
        }
    }

    private void check(String text) {
        if (text.isBlank()) {
            throw new BodyProblem("the body is empty; send a JSON value");
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            do {
                step(parser, parser.next());
            } while (!path.isEmpty());
            if (more(parser)) {
                throw new BodyProblem("the body goes on after its JSON value " + at(parser.getLocation())
                        + "; send exactly one JSON value");
            }
        } catch (JsonParsingException e) {
            throw new BodyProblem("the body is not valid JSON " + at(e.getLocation()) + "; check the syntax there");
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw new BodyProblem("the body is not valid JSON; it may end early, check its syntax");
        }
    }

    private static boolean more(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            return true; // something that is not white space follows the value
        }
    }

    private void step(JsonParser parser, JsonParser.Event event) {
        switch (event) {
            case START_OBJECT, START_ARRAY -> {
                if (path.size() >= MAX_DEPTH) {
                    throw new BodyProblem("the body nests objects and arrays more than " + MAX_DEPTH + " levels deep "
                            + at(parser.getLocation()) + "; flatten it");
                }
                next();
                path.push(event == JsonParser.Event.START_ARRAY ? (Object) (-1) : PENDING);
            }
            case END_OBJECT, END_ARRAY -> path.pop();
            case KEY_NAME -> {
                path.pop();
                text(parser.getString(), "field name in the object at " + where());
                path.push(parser.getString());
            }
            default -> {
                next();
                if (event == JsonParser.Event.VALUE_STRING) {
                    text(parser.getString(), "text at " + where());
                } else if (event == JsonParser.Event.VALUE_NUMBER) {
                    number(parser.getString());
                }
            }
        }
    }

    /** Moves an array's index on to the value that starts now. */
    private void next() {
        if (path.peek() instanceof Integer index) {
            path.pop();
            path.push(index + 1);
        }
    }

    private void text(String value, String what) {
        String problem = StorableText.problem(value);
        if (problem != null) {
            throw new BodyProblem("the " + what + " " + problem);
        }
    }

    private void number(String literal) {
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw new BodyProblem("the number at " + where() + " has " + literal.length() + " characters; at most "
                    + MAX_NUMBER_LENGTH + " are accepted");
        }
        BigDecimal value = new BigDecimal(literal);
        int exponent = value.precision() - value.scale() - 1;
        if (value.signum() != 0 && (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT)) {
            throw new BodyProblem("the number " + Answers.shown(literal) + " at " + where() + " is out of range;"
                    + " numbers must lie between -1.7976931348623157e308 and 1.7976931348623157e308, and be 0 or at"
                    + " least 4.9e-324 in size");
        }
    }

    private String where() {
        StringBuilder where = new StringBuilder("$");
        path.descendingIterator().forEachRemaining(step -> where.append(step instanceof Integer index
                ? JsonPaths.index(index) : step instanceof String name ? JsonPaths.member(name) : ""));
        return where.toString();
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : "at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber();
    }
}
