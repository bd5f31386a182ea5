/**
 * The thin JDA layer: slash commands, buttons, message views and their delivery, paced under
 * Discord's limits. No ladder rules live here.
 */
module dev.matchwave.discord {
    requires transitive dev.matchwave.matchmaking;
    requires transitive dev.matchwave.notification;
    requires static org.jspecify;
    // Its public constructors take JDA's types.
    requires transitive net.dv8tion.jda;
    // JDA names java.awt.Color in its embeds, and its jar declares no module of its own.
    requires java.desktop;
    requires okhttp3;
    requires org.slf4j;

    exports dev.matchwave.discord.command;
    exports dev.matchwave.discord.component;
    exports dev.matchwave.discord.connection;
    exports dev.matchwave.discord.delivery;
    exports dev.matchwave.discord.interaction;
    exports dev.matchwave.discord.rest;
    exports dev.matchwave.discord.roles;
    exports dev.matchwave.discord.timing;
    exports dev.matchwave.discord.view;
}
