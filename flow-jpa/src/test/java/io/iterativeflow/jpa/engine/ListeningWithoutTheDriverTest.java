package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.core.spi.ListenerState;
import io.iterativeflow.jpa.JpaFlowStore;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A data source whose connections cannot be unwrapped to the PostgreSQL driver's connection: the engine cannot
 * listen, says so once in a warning that names the cause and the fix, reports why, and still runs by polling.
 */
@PostgresOnly
class ListeningWithoutTheDriverTest extends EngineTestBase {

    private static final FlowDefinition<Integer, Integer> SQUARE = FlowDefinition.builder("square", Integer.class,
            Integer.class).body((ctx, n) -> ctx.step("multiply", Integer.class, s -> n * n)).build();

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger("io.iterativeflow");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private JpaFlowStore store;
    private Engine engine;

    ListeningWithoutTheDriverTest(TestDatabase db) {
        super(db);
        log.addHandler(capture);
    }

    @AfterEach
    void stop() {
        log.removeHandler(capture);
        if (engine != null) {
            engine.halt();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_engine_warns_once_naming_the_cause_and_the_fix_reports_why_and_runs_by_polling() {
        store = JpaFlowStore.create(hidingTheDriver(db.dataSource()), fixture.clock());
        engine = Engine.builder().store(store).clock(fixture.clock()).settings(EngineFixture.FAST)
                .instanceId("no-driver").flow(SQUARE).build();
        engine.start();

        await().atMost(WAIT).until(() -> engine.listenerState() == ListenerState.DISABLED);
        assertThat(engine.listenerDisabledBecause()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("do not unwrap to the PostgreSQL driver's connection")
                .contains("set flow.worker.listen=false"));
        assertThat(engine.probe().listenerDisabledBecause()).isEqualTo(engine.listenerDisabledBecause());
        assertThat(engine.flow(SQUARE).result(engine.flow(SQUARE).start(7), WAIT)).isEqualTo(49);
        assertThat(warnings).filteredOn(w -> w.contains("cannot listen for database notifications")).singleElement()
                .asString().contains("do not unwrap to the PostgreSQL driver's connection");
    }

    /** Connections that answer everything but refuse to be unwrapped, as some pools' do. */
    private static DataSource hidingTheDriver(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? hiding(c) : result;
                });
    }

    private static Connection hiding(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isWrapperFor" -> false;
                    case "unwrap" -> throw new SQLException("not a wrapper");
                    default -> invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
