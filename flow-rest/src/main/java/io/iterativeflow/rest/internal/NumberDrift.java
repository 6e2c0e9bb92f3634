package io.iterativeflow.rest.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.iterativeflow.core.json.JsonPaths;

/**
 * The first number of a sent JSON value that the value read from it keeps differently: compared place by place, as
 * JSON-B writes the read value back. A number kept as a floating-point value may differ by its rounding (a relative
 * {@value #ROUNDING}); any other difference means the target cannot hold the number.
 */
final class NumberDrift {

    static final double ROUNDING = 1e-6;

    /** A number that would change: where, as sent and as it would be kept. */
    record Drift(String path, String sent, String kept) {
    }

    private NumberDrift() {
    }

    static Optional<Drift> find(JsonValue sent, JsonValue kept) {
        return find(sent, kept, "$");
    }

    private static Optional<Drift> find(JsonValue sent, JsonValue kept, String path) {
        if (sent instanceof JsonNumber number && kept instanceof JsonNumber back) {
            return same(number, back) ? Optional.empty()
                    : Optional.of(new Drift(path, Answers.shown(number.toString()), Answers.shown(back.toString())));
        }
        if (sent instanceof JsonObject object && kept instanceof JsonObject back) {
            for (String name : object.keySet()) {
                if (back.containsKey(name)) {
                    Optional<Drift> drift = find(object.get(name), back.get(name), path + JsonPaths.member(name));
                    if (drift.isPresent()) {
                        return drift;
                    }
                }
            }
        }
        if (sent instanceof JsonArray array && kept instanceof JsonArray back) {
            for (int i = 0; i < Math.min(array.size(), back.size()); i++) {
                Optional<Drift> drift = find(array.get(i), back.get(i), path + JsonPaths.index(i));
                if (drift.isPresent()) {
                    return drift;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(JsonNumber sent, JsonNumber kept) {
        BigDecimal a = sent.bigDecimalValue();
        BigDecimal b = kept.bigDecimalValue();
        if (a.compareTo(b) == 0) {
            return true;
        }
        String text = kept.toString();
        boolean floating = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        if (!floating || a.signum() != b.signum()) {
            return false;
        }
        BigDecimal larger = a.abs().max(b.abs());
        return a.subtract(b).abs().compareTo(larger.multiply(BigDecimal.valueOf(ROUNDING), MathContext.DECIMAL64)) <= 0;
    }
}
