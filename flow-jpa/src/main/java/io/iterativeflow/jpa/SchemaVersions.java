package io.iterativeflow.jpa;

import java.util.List;

/** Names the migrations between two schema versions for messages: {@code V1__init.sql}, or {@code V2__*.sql}. */
final class SchemaVersions {

    private SchemaVersions() {
    }

    /**
     * The scripts that bring a schema at {@code current} to {@code expected}: their file names when Flyway listed
     * them, else their version patterns.
     */
    static String pending(int current, int expected, List<String> scripts) {
        if (!scripts.isEmpty()) {
            return String.join(", ", scripts);
        }
        String first = "V" + (current + 1) + "__*.sql";
        return current + 1 == expected ? first : first + " to V" + expected + "__*.sql";
    }
}
