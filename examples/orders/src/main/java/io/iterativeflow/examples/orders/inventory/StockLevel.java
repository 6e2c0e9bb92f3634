package io.iterativeflow.examples.orders.inventory;

/** A stock keeping unit's stock: units free to reserve, and units held by orders. */
public record StockLevel(String sku, int available, int reserved) {
}
