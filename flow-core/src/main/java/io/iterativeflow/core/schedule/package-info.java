/**
 * Cron schedules: parsing (by Jakarta Concurrency's {@code CronTrigger}) and tick arithmetic. Internal, no
 * compatibility guaranteed.
 */
package io.iterativeflow.core.schedule;
