package io.iterativeflow.it.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads samples from the Prometheus text that {@code /metrics} answers. */
record PrometheusText(String text) {

    /**
     * The value of the first sample named exactly {@code name} whose labels include every {@code key="value"} of
     * {@code labels} (given as {@code key, value, key, value, ...}); empty when there is none.
     */
    Optional<Double> value(String name, String... labels) {
        return samples(name).stream()
                .filter(line -> hasLabels(line, labels))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** The sample lines named exactly {@code name} (with or without labels). */
    List<String> samples(String name) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    private static boolean hasLabels(String line, String... labels) {
        int end = line.lastIndexOf('}');
        String set = end < 0 ? "" : line.substring(line.indexOf('{') + 1, end);
        List<String> present = Arrays.stream(set.split(",")).map(String::trim).toList();
        for (int i = 0; i < labels.length; i += 2) {
            if (!present.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
