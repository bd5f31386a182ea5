/**
 * The dispatcher's notifications over Discord: {@link dev.matchwave.discord.delivery.DiscordNotificationSink}
 * decides per notification between an edit of the player's ephemeral "Searching..." response
 * (phase 1, an interaction route exempt from the global limit) and a direct message (phase 2
 * and everything later, global), from what {@link dev.matchwave.discord.delivery.PlayerContacts}
 * remembers; {@link dev.matchwave.discord.delivery.JdaMessenger} does the sending on JDA and
 * {@link dev.matchwave.discord.delivery.DeliveryFailures} turns Discord's errors into
 * {@code SendResult}s. Everything but {@code JdaMessenger} and the renderer is JDA-free.
 */
@NullMarked
package dev.matchwave.discord.delivery;

import org.jspecify.annotations.NullMarked;
