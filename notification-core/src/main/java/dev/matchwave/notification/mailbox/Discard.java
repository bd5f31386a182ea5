package dev.matchwave.notification.mailbox;

/** Why a mailbox let go of a notification that was never delivered. */
public enum Discard {
    /** It waited longer than {@link MailboxConfig#expiry()}. */
    EXPIRED,
    /** The player's mailbox held {@link MailboxConfig#capacity()} notifications and a newer one came. */
    OVERFLOW
}
