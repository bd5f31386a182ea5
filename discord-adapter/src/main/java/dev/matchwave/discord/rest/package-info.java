/**
 * All of JDA's REST traffic through a limiter of ours: {@link
 * dev.matchwave.discord.rest.GatedRestRateLimiter} plugs into {@code RestConfig#setRateLimiterFactory}
 * and asks a {@link dev.matchwave.discord.rest.RestRequestGate} when each request may go, so the
 * bot stays under Discord's global limit before Discord has to say so, and interaction
 * requests (phase 1) never wait behind the global budget (phase 2).
 */
@NullMarked
package dev.matchwave.discord.rest;

import org.jspecify.annotations.NullMarked;
