/**
 * Watching the running bot: {@link dev.matchwave.bot.monitoring.BotMetrics} (Micrometer, shown
 * in Prometheus text format), {@link dev.matchwave.bot.monitoring.HealthProbes} and
 * {@link dev.matchwave.bot.monitoring.MonitoringServer}, which answers {@code /health} and
 * {@code /metrics} on localhost, and {@link dev.matchwave.bot.monitoring.FlowLog}, which writes
 * the one line per flow.
 */
@NullMarked
package dev.matchwave.bot.monitoring;

import org.jspecify.annotations.NullMarked;
