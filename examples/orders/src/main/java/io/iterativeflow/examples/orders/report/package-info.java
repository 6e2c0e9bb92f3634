/**
 * Reserved for the example's cron report: a {@code daily-report} flow, started by a cron schedule, that counts the
 * day's {@code order} runs by outcome with the engine's run listing. It arrives with cron schedules in the engine;
 * until then this package is empty.
 */
package io.iterativeflow.examples.orders.report;
