package io.iterativeflow.jpa.testing;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link DatabaseTest}. On PostgreSQL (the default) it finds the server once per JVM
 * ({@link PostgresServer#find()}); with {@code -Dflow.test.database=h2} it uses in-memory H2 databases. It creates
 * one fresh database per test class and resolves {@link TestDatabase} and {@link DataSource} parameters.
 */
public final class DatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            DatabaseExtension.class);
    private static final String SERVER = "server";
    private static final String DATABASE = "database";

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<DatabaseTest> settings = settings(context);
        if (settings.isEmpty()) {
            if (context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class) == null) {
                throw new IllegalStateException("use @DatabaseTest on " + context.getDisplayName());
            }
            return; // a @Nested class shares its enclosing class's database
        }
        TestDatabase database;
        if (TestDatabase.onH2()) {
            database = TestDatabase.h2(settings.get().migrate(), settings.get().poolSize());
        } else {
            PostgresServer server = context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SERVER, key -> ServerHolder.find(), ServerHolder.class).server();
            database = TestDatabase.postgres(server, settings.get().migrate(), settings.get().poolSize());
        }
        context.getStore(NAMESPACE).put(DATABASE, database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (settings(context).isPresent()) {
            TestDatabase database = context.getStore(NAMESPACE).remove(DATABASE, TestDatabase.class);
            if (database != null) {
                database.close();
            }
        }
    }

    private static Optional<DatabaseTest> settings(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), DatabaseTest.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
        if (database == null) {
            throw new ParameterResolutionException("no test database yet: annotate the class with @DatabaseTest");
        }
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    /** Remembers the server, or why none was found, so every class fails fast with the same message. */
    private record ServerHolder(PostgresServer server, RuntimeException failure) {

        static ServerHolder find() {
            try {
                return new ServerHolder(PostgresServer.find(), null);
            } catch (RuntimeException e) {
                return new ServerHolder(null, e);
            }
        }

        @Override
        public PostgresServer server() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return server;
        }
    }
}
