package io.iterativeflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This engine, DBOS Java and db-scheduler on the same server, each on a database of its own, in interleaved rounds
 * (this engine, DBOS, db-scheduler, then again). Prints each round's figures as it ends and then a table of the
 * medians with this engine's ratio to the peer.
 */
final class PeerComparison {

    private final BenchServer server;
    private final BenchSettings settings;
    private final List<Contender> contenders;

    PeerComparison(BenchServer server, BenchSettings settings) {
        this.server = server;
        this.settings = settings;
        this.contenders = chosen(List.of(new EngineContender(settings), new DbosContender(),
                new DbSchedulerContender(settings)));
    }

    void run() {
        Map<Contender, List<Map<Figure, Double>>> rounds = new LinkedHashMap<>();
        contenders.forEach(c -> rounds.put(c, new ArrayList<>()));
        ContenderRound round = new ContenderRound(server, settings);
        try {
            for (int r = 1; r <= settings.rounds(); r++) {
                for (Contender contender : contenders) {
                    Map<Figure, Double> figures = round.run(contender);
                    rounds.get(contender).add(figures);
                    System.out.printf("round %d, %s: %s%n", r, contender.name(), describe(figures));
                }
            }
        } finally {
            contenders.forEach(c -> server.drop(c.database()));
        }
        System.out.println();
        System.out.printf("%d round(s); %d callers, %d runs per caller case, %d sequential runs at 1 caller,"
                + " %d queued runs per drain, %d workers (db-scheduler threads)%n", settings.rounds(),
                settings.callers(), settings.runs(), settings.latencyRuns(), settings.drainRuns(),
                settings.concurrency());
        System.out.println();
        new PeerTable(rounds).print(System.out);
    }

    /**
     * The contenders named by {@code -Dpeers} ({@code dbos}, {@code db-scheduler}, comma-separated; both by default),
     * after this engine, which always runs first: every ratio is this engine's figure over a peer's.
     */
    private static List<Contender> chosen(List<Contender> all) {
        List<String> peers = List.of(System.getProperty("peers", "dbos,db-scheduler").split(","));
        List<Contender> chosen = new ArrayList<>(List.of(all.get(0)));
        for (String peer : peers) {
            String wanted = peer.trim().toLowerCase(java.util.Locale.ROOT);
            Contender match = all.stream().skip(1)
                    .filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace(" java", "").equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("-Dpeers takes dbos and db-scheduler, not "
                            + peer));
            if (!chosen.contains(match)) {
                chosen.add(match);
            }
        }
        return chosen;
    }

    private static String describe(Map<Figure, Double> figures) {
        StringBuilder text = new StringBuilder();
        figures.forEach((figure, value) -> text.append(text.length() == 0 ? "" : ", ")
                .append(figure.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                .append(String.format(figure.format, value)));
        return text.toString();
    }
}
