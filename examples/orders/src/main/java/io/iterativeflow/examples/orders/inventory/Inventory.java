package io.iterativeflow.examples.orders.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.iterativeflow.examples.orders.OrderLine;
import io.iterativeflow.examples.orders.Reservation;

/**
 * A small warehouse in the engine's database (tables {@code orders.stock} and {@code orders.reservations}). Each
 * method is one transaction and is idempotent per order: a step that runs again after a crash finds the reservation
 * it made before instead of reserving twice, and a second release releases nothing.
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class.getName());

    @Resource(lookup = "jdbc/flow")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "orders.inventory.busy-tries", defaultValue = "1")
    int busyTries;

    /**
     * Reserves every line of an order, or nothing: lines that cannot be served are returned as shortages.
     * {@code attempt} is the step's try; the first {@code orders.inventory.busy-tries} tries fail as "busy".
     */
    @Transactional
    public Reservation reserve(String orderId, List<OrderLine> lines, int attempt) {
        if (attempt <= busyTries) {
            LOG.warning(() -> "order " + orderId + ": warehouse busy on try " + attempt + ", the engine will retry");
            throw new WarehouseBusyException("warehouse system busy (simulated), try " + attempt);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (reservedUnits(connection, orderId) > 0) {
                return Reservation.done(orderId);
            }
            List<String> shortages = shortages(connection, lines);
            if (!shortages.isEmpty()) {
                return Reservation.refused(orderId, shortages);
            }
            for (OrderLine line : lines) {
                take(connection, orderId, line);
            }
            LOG.info(() -> "order " + orderId + ": reserved " + lines);
            return Reservation.done(orderId);
        } catch (SQLException e) {
            throw new IllegalStateException("inventory: " + e.getMessage(), e);
        }
    }

    /** Gives an order's reserved units back to the stock; returns how many units, 0 when nothing was reserved. */
    @Transactional
    public int release(String orderId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reserved = connection.prepareStatement(
                        "select sku, quantity from orders.reservations where order_id = ? for update");
                PreparedStatement restock = connection.prepareStatement(
                        "update orders.stock set available = available + ? where sku = ?");
                PreparedStatement delete = connection.prepareStatement(
                        "delete from orders.reservations where order_id = ?")) {
            reserved.setString(1, orderId);
            int units = 0;
            try (ResultSet rows = reserved.executeQuery()) {
                while (rows.next()) {
                    restock.setInt(1, rows.getInt(2));
                    restock.setString(2, rows.getString(1));
                    restock.executeUpdate();
                    units += rows.getInt(2);
                }
            }
            delete.setString(1, orderId);
            delete.executeUpdate();
            int released = units;
            LOG.info(() -> "order " + orderId + ": released " + released + " units");
            return units;
        } catch (SQLException e) {
            throw new IllegalStateException("inventory: " + e.getMessage(), e);
        }
    }

    /** The stock of {@code sku}; empty when the warehouse does not carry it. */
    public Optional<StockLevel> level(String sku) {
        String sql = "select s.available, coalesce((select sum(quantity) from orders.reservations r"
                + " where r.sku = s.sku), 0) from orders.stock s where s.sku = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sku);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new StockLevel(sku, row.getInt(1), row.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inventory: " + e.getMessage(), e);
        }
    }

    /** Sets the units of {@code sku} free to reserve, adding the article when it is new. */
    @Transactional
    public StockLevel restock(String sku, int available) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update orders.stock set available = ? where sku = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into orders.stock (sku, available) values (?, ?)")) {
            update.setInt(1, available);
            update.setString(2, sku);
            if (update.executeUpdate() == 0) {
                insert.setString(1, sku);
                insert.setInt(2, available);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inventory: " + e.getMessage(), e);
        }
        return level(sku).orElseThrow();
    }

    private static int reservedUnits(Connection connection, String orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select coalesce(sum(quantity), 0) from orders.reservations where order_id = ?")) {
            statement.setString(1, orderId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Locks the stock rows of the order's articles (so concurrent orders queue here) and lists what is missing. */
    private static List<String> shortages(Connection connection, List<OrderLine> lines) throws SQLException {
        Map<String, Integer> available = new HashMap<>();
        String placeholders = String.join(", ", Collections.nCopies(lines.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement("select sku, available from orders.stock"
                + " where sku in (" + placeholders + ") order by sku for update")) {
            for (int i = 0; i < lines.size(); i++) {
                statement.setString(i + 1, lines.get(i).sku());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    available.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        List<String> shortages = new ArrayList<>();
        for (OrderLine line : lines) {
            Integer free = available.get(line.sku());
            if (free == null) {
                shortages.add(line.sku() + ": not carried");
            } else if (free < line.quantity()) {
                shortages.add(line.sku() + ": " + line.quantity() + " ordered, " + free + " available");
            }
        }
        return shortages;
    }

    private static void take(Connection connection, String orderId, OrderLine line) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update orders.stock set available = available - ? where sku = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into orders.reservations (order_id, sku, quantity) values (?, ?, ?)")) {
            update.setInt(1, line.quantity());
            update.setString(2, line.sku());
            update.executeUpdate();
            insert.setString(1, orderId);
            insert.setString(2, line.sku());
            insert.setInt(3, line.quantity());
            insert.executeUpdate();
        }
    }
}
