/**
 * The store's machinery: bootstrap, transactions, error mapping and one class per group of statements. Internal:
 * no compatibility guaranteed.
 */
package io.iterativeflow.jpa.internal;
