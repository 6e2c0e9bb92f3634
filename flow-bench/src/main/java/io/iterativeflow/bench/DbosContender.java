package io.iterativeflow.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;
import java.util.Optional;

/**
 * DBOS Transact, configured with the database's JDBC URL, user and password (so with its own default pool), its
 * workflows started directly, not through a queue, by the callers.
 */
final class DbosContender implements Contender {

    private static final String DATABASE = "flow_bench_dbos";

    @Override
    public String name() {
        return "DBOS Java";
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public void prepare(BenchServer server) {
        server.recreate(DATABASE);
    }

    @Override
    public Optional<FlowSession> launch(BenchServer server, int steps) {
        DBOS dbos = new DBOS(DBOSConfig.defaults("flow-bench").withDatabaseUrl(server.url(DATABASE))
                .withDbUser(server.user()).withDbPassword(server.password()).withMigrate(true));
        DbosFlows flows = dbos.registerProxy(DbosFlows.class, new DbosStepsWorkflow(dbos));
        dbos.launch();
        return Optional.of(new FlowSession() {
            @Override
            public void startAndAwait(int input) {
                dbos.startWorkflow(() -> flows.run(input, steps)).getResult();
            }

            @Override
            public void close() {
                dbos.close();
            }
        });
    }

    @Override
    public Optional<QueueDrain> queue() {
        return Optional.empty();
    }
}
