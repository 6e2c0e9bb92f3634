package io.iterativeflow.rest.internal;

import java.util.ArrayList;
import java.util.List;

import io.iterativeflow.api.RunQuery;

/** The query parameters of {@code GET /runs} as a {@link RunQuery}; a bad value fails with ARGUMENT_INVALID. */
public final class RunQueries {

    private RunQueries() {
    }

    /** {@code statuses} may be repeated or comma-separated ({@code status=failed,canceled}). */
    public static RunQuery of(String name, List<String> statuses, String tag, String limit, String cursor) {
        RunQuery query = RunQuery.all();
        if (name != null) {
            query = query.withFlowName(name);
        }
        List<String> names = split(statuses);
        if (!names.isEmpty()) {
            query = query.withStatusNames(names.toArray(String[]::new));
        }
        if (tag != null) {
            query = query.withTag(tag);
        }
        if (limit != null) {
            query = query.withLimit(Params.integer("limit", limit));
        }
        if (cursor != null && !cursor.isBlank()) {
            query = query.withCursor(cursor);
        }
        return query;
    }

    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }
}
