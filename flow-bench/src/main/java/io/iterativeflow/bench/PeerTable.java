package io.iterativeflow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison as a Markdown table: per figure, each contender's median over the rounds and this engine's value
 * divided by the peer's (the first other contender that has the figure).
 */
final class PeerTable {

    private final Map<Contender, List<Map<Figure, Double>>> rounds;

    PeerTable(Map<Contender, List<Map<Figure, Double>>> rounds) {
        this.rounds = rounds;
    }

    void print(PrintStream out) {
        List<Contender> contenders = new ArrayList<>(rounds.keySet());
        StringBuilder header = new StringBuilder("| case | figure |");
        contenders.forEach(c -> header.append(' ').append(c.name()).append(" |"));
        out.println(header.append(" ratio (this engine ÷ peer) | better |"));
        out.println("|---|---|" + "---|".repeat(contenders.size()) + "---|---|");
        for (Figure figure : Figure.values()) {
            StringBuilder row = new StringBuilder("| " + figure.scenario + " | " + figure.measure + " |");
            for (Contender c : contenders) {
                OptionalDouble value = median(c, figure);
                row.append(' ').append(value.isPresent() ? String.format(figure.format, value.getAsDouble()) : "—")
                        .append(" |");
            }
            row.append(' ').append(ratio(contenders, figure)).append(" | ")
                    .append(figure.higherIsBetter ? "higher" : "lower").append(" |");
            out.println(row);
        }
    }

    private String ratio(List<Contender> contenders, Figure figure) {
        OptionalDouble ours = median(contenders.get(0), figure);
        Optional<Contender> peer = contenders.stream().skip(1).filter(c -> median(c, figure).isPresent()).findFirst();
        if (ours.isEmpty() || peer.isEmpty() || median(peer.get(), figure).getAsDouble() == 0) {
            return "—";
        }
        return String.format("%.2f× %s", ours.getAsDouble() / median(peer.get(), figure).getAsDouble(),
                peer.get().name());
    }

    private OptionalDouble median(Contender contender, Figure figure) {
        double[] values = rounds.get(contender).stream().filter(f -> f.containsKey(figure))
                .mapToDouble(f -> f.get(figure)).sorted().toArray();
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        int middle = values.length / 2;
        return OptionalDouble.of(values.length % 2 == 1 ? values[middle]
                : (values[middle - 1] + values[middle]) / 2);
    }
}
