package io.iterativeflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/** Wraps a DataSource and counts the round trips the engine makes: statements executed and commits. */
final class CountingDataSource {

    final LongAdder statements = new LongAdder();
    final LongAdder commits = new LongAdder();
    private final DataSource wrapped;

    CountingDataSource(DataSource target) {
        this.wrapped = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, forward(target, this::wrapConnection));
    }

    DataSource dataSource() {
        return wrapped;
    }

    void reset() {
        statements.reset();
        commits.reset();
    }

    private Object wrapConnection(Method method, Object result) {
        if (result instanceof Connection connection) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    forward(connection, this::wrapStatement, this::countCommit));
        }
        return result;
    }

    private Object wrapStatement(Method method, Object result) {
        if (result instanceof Statement statement) {
            Class<?>[] types = result instanceof java.sql.CallableStatement
                    ? new Class<?>[] {java.sql.CallableStatement.class}
                    : result instanceof java.sql.PreparedStatement
                            ? new Class<?>[] {java.sql.PreparedStatement.class}
                            : new Class<?>[] {Statement.class};
            return Proxy.newProxyInstance(getClass().getClassLoader(), types,
                    forward(statement, (m, r) -> r, this::countExecute));
        }
        return result;
    }

    private void countCommit(Method method) {
        if (method.getName().equals("commit")) {
            commits.increment();
        }
    }

    private void countExecute(Method method) {
        if (method.getName().startsWith("execute")) {
            statements.increment();
        }
    }

    @FunctionalInterface
    private interface ResultWrapper {
        Object wrap(Method method, Object result);
    }

    @FunctionalInterface
    private interface CallObserver {
        void observe(Method method);
    }

    private static InvocationHandler forward(Object target, ResultWrapper wrapper) {
        return forward(target, wrapper, m -> { });
    }

    private static InvocationHandler forward(Object target, ResultWrapper wrapper, CallObserver observer) {
        return (proxy, method, args) -> {
            observer.observe(method);
            try {
                return wrapper.wrap(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
