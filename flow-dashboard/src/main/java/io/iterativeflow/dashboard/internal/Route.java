package io.iterativeflow.dashboard.internal;

import java.util.List;

/**
 * A request to {@code /flow-dashboard/api/...} as the servlet understands it: what it asks for and the run, flow or
 * signal it names. {@link #of} parses the servlet's path info; {@code NONE} for any path the API does not have.
 */
record Route(Kind kind, String runId, String name) {

    enum Kind {
        ME, QUEUE, RUNS, RUN, CANCEL, RETRY, SIGNAL, START, NONE;

        /** Whether requests of this kind change something, so need the admin role, POST and the action header. */
        boolean acts() {
            return this == CANCEL || this == RETRY || this == SIGNAL || this == START;
        }
    }

    static final Route NOT_FOUND = new Route(Kind.NONE, null, null);

    /** The route of {@code pathInfo} (already decoded by the container), e.g. {@code /runs/<id>/cancel}. */
    static Route of(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return NOT_FOUND;
        }
        List<String> parts = List.of(pathInfo.substring(1).split("/", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            return NOT_FOUND;
        }
        return switch (parts.size()) {
            case 1 -> switch (parts.get(0)) {
                case "me" -> new Route(Kind.ME, null, null);
                case "queue" -> new Route(Kind.QUEUE, null, null);
                case "runs" -> new Route(Kind.RUNS, null, null);
                default -> NOT_FOUND;
            };
            case 2 -> parts.get(0).equals("runs") ? new Route(Kind.RUN, parts.get(1), null) : NOT_FOUND;
            case 3 -> three(parts);
            case 4 -> parts.get(0).equals("runs") && parts.get(2).equals("signals")
                    ? new Route(Kind.SIGNAL, parts.get(1), parts.get(3)) : NOT_FOUND;
            default -> NOT_FOUND;
        };
    }

    private static Route three(List<String> parts) {
        if (parts.get(0).equals("flows") && parts.get(2).equals("runs")) {
            return new Route(Kind.START, null, parts.get(1));
        }
        if (!parts.get(0).equals("runs")) {
            return NOT_FOUND;
        }
        return switch (parts.get(2)) {
            case "cancel" -> new Route(Kind.CANCEL, parts.get(1), null);
            case "retry" -> new Route(Kind.RETRY, parts.get(1), null);
            default -> NOT_FOUND;
        };
    }
}
