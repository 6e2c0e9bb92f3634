package io.iterativeflow.examples.orders.inventory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Creates the inventory's own tables (schema {@code orders}, beside the engine's {@code workflow}) in the engine's
 * database when the application starts, and stocks a few articles for the walk-through. A real application would
 * ship this as a migration of its own.
 */
@ApplicationScoped
public class InventorySchema {

    /** Plain SQL that PostgreSQL and H2 both take. */
    private static final String[] DDL = {
        "create schema if not exists orders",
        "create table if not exists orders.stock (sku varchar(100) primary key,"
                + " available int not null check (available >= 0))",
        "create table if not exists orders.reservations (order_id varchar(100) not null, sku varchar(100) not null"
                + " references orders.stock (sku), quantity int not null check (quantity > 0),"
                + " primary key (order_id, sku))",
        stock("kettle", 25),
        stock("teapot", 10),
        stock("mug", 200),
    };

    @Resource(lookup = "jdbc/flow")
    DataSource dataSource;

    private static String stock(String sku, int units) {
        return "insert into orders.stock (sku, available) select '" + sku + "', " + units
                + " where not exists (select 1 from orders.stock where sku = '" + sku + "')";
    }

    void create(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : DDL) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the inventory tables in schema 'orders' of jdbc/flow: "
                    + e.getMessage(), e);
        }
    }
}
