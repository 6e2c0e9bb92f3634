package io.iterativeflow.examples.orders;

/** One line of an order: a stock keeping unit and how many of it. */
public record OrderLine(String sku, int quantity) {
}
