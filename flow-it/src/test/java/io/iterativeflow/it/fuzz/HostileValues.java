package io.iterativeflow.it.fuzz;

import java.util.List;
import java.util.Random;

/** The pieces hostile bodies are made of: broken JSON, numbers no field holds, text no database keeps. */
final class HostileValues {

    static final List<String> MALFORMED = List.of("{", "}", "[", "{\"id\":", "{\"id\" \"x\"}", "{'id':'x'}", "{id:1}",
            "[1,]", "{\"a\":1,}", "tru", "nul", "01", "1.", ".5", "-", "+1", "0x10", "\"unterminated",
            "\"bad escape \\x\"", "\"\\u12\"", "{\"a\":\"line\nbreak\"}", "{\"a\":1}}", "[[]]]", "NaN", "Infinity",
            "-Infinity", "undefined", "{\"a\":1}{\"b\":2}", "{} []", "1 2", "\"a\" \"b\"", "{}garbage",
            "// comment\n{}", "/* c */ {}", "\uFEFF{}", "\u0000", "{\"a\":\"\u0000\"}", "[\"\u0001\"]",
            "{\"a\":[1,2,{\"b\":}]}", "[" + "[".repeat(9_999), "{\"a\":".repeat(3_000),
            "[".repeat(101) + "]".repeat(101), "{\"a\":1}\u0000", "\"\\ud800\\u0000\" x");

    static final List<String> NUMBERS = List.of("99999999999999999999", "1e99999", "-1e99999", "1e-99999",
            "2147483648", "-2147483649", "1.5", "1e2", "1E400", "0.0000001", "-0", "1e308", "9223372036854775808",
            "123456789012345678901234567890.5", "1" + "0".repeat(450), "4.9e-325", "0", "7");

    static final List<String> TEXTS = List.of("\"plain\"", "\"nul \\u0000 inside\"", "\"lone \\ud800\"",
            "\"lone \\udc00 low\"", "\"pair \\ud83d\\ude00\"", "\"ctl \\u0001\\u001f\"", "\"\"", "\" \"",
            "\"ключ-鍵-🔑\"", "\"%00%zz\"", "\"<script>x</script>\"", "\"'; drop table runs; --\"",
            "\"" + "x".repeat(70_000) + "\"", "\"\\\\u0000 is fine as text\"");

    static final List<String> OTHERS = List.of("true", "false", "null", "[]", "{}", "[1,2,3]", "{\"x\":{}}",
            "[" .repeat(50) + "]".repeat(50));

    private HostileValues() {
    }

    /** Any single JSON value or broken piece from the pools above. */
    static String anyValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, NUMBERS);
            case 1 -> pick(random, TEXTS);
            case 2 -> pick(random, OTHERS);
            default -> random.nextInt(4) == 0 ? pick(random, MALFORMED) : pick(random, NUMBERS);
        };
    }

    /** A parcel input whose fields are hostile values (or, sometimes, fine ones). */
    static String parcel(Random random) {
        return "{\"id\":" + (random.nextBoolean() ? pick(random, TEXTS) : anyValue(random))
                + ",\"grams\":" + (random.nextBoolean() ? pick(random, NUMBERS) : anyValue(random))
                + ",\"destination\":" + (random.nextBoolean() ? "\"Lisbon\"" : anyValue(random))
                + ",\"hold\":" + (random.nextBoolean() ? "true" : anyValue(random)) + "}";
    }

    /** A review payload ({@code stars} 1 to 5, {@code text}) with hostile fields. */
    static String review(Random random) {
        return "{\"stars\":" + (random.nextBoolean() ? pick(random, NUMBERS) : anyValue(random))
                + ",\"text\":" + (random.nextBoolean() ? pick(random, TEXTS) : anyValue(random)) + "}";
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
