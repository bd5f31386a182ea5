package dev.matchwave.emulator;

/** A user of the emulated Discord. Guarded by the {@link DiscordState} lock. */
final class UserRecord {
    final long id;
    final String username;
    final boolean bot;
    boolean refusesDirectMessages;

    UserRecord(long id, String username, boolean bot) {
        this.id = id;
        this.username = username;
        this.bot = bot;
    }
}
