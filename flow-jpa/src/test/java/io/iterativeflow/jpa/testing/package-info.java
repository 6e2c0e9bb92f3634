/**
 * Test support published in flow-jpa's test-jar: {@link io.iterativeflow.jpa.testing.DatabaseTest} (a fresh,
 * migrated PostgreSQL database per test class), {@link io.iterativeflow.jpa.testing.TestClock} and
 * {@link io.iterativeflow.jpa.testing.CountingDataSource}. Internal to the project's tests, no compatibility
 * guaranteed.
 */
package io.iterativeflow.jpa.testing;
