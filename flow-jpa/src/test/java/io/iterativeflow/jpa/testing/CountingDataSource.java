package io.iterativeflow.jpa.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts what reaches the database: executed statements (each one round trip) and commits,
 * both explicit ({@code Connection.commit()}) and implicit (a statement run in auto-commit mode is a transaction of
 * its own). Lets a test show how many commits and round trips one store call costs.
 */
public final class CountingDataSource {

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();
    private final DataSource dataSource;

    public CountingDataSource(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection c ? connection(c) : result);
    }

    /** The counting data source to hand to the code under test. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Counts taken now, to subtract later. */
    public Counts counts() {
        return new Counts(commits.get(), statements.get());
    }

    /** What happened since {@code before}. */
    public Counts since(Counts before) {
        return new Counts(commits.get() - before.commits(), statements.get() - before.statements());
    }

    /** Commits (transactions) and statements (round trips, commits not included). */
    public record Counts(long commits, long statements) {
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            return result instanceof Statement s ? statement(s, target) : result;
        });
    }

    private Statement statement(Statement target, Connection connection) {
        Class<?> type = target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (p, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                if (connection.getAutoCommit()) {
                    commits.incrementAndGet();
                }
            }
            return invoke(method, target, args);
        };
        return (Statement) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler);
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, args) -> after.apply(method, args, invoke(method, target, args));
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
