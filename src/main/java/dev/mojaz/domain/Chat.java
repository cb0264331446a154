package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat Mojaz talks to, as stored.
 *
 * @param id             Telegram's 64-bit chat id
 * @param kind           private, group, supergroup or channel
 * @param title          the group's or channel's title, or the person's name; may be null
 * @param settings       what it chose
 * @param paused         paused by the person (/stop): nothing is sent until they resume
 * @param active         false once Telegram refused delivery for good (blocked, kicked, chat not found); its settings
 *                       are kept
 * @param inactiveReason why it became inactive, or null
 * @param created        when Mojaz first saw it
 * @param lastDigest     when its last digest was cut, or null before the first
 */
public record Chat(
        long id,
        ChatKind kind,
        String title,
        ChatSettings settings,
        boolean paused,
        boolean active,
        String inactiveReason,
        Instant created,
        Instant lastDigest) {

    public Chat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(created, "created");
    }

    /** Whether anything may be sent to it now: active and not paused. */
    public boolean receiving() {
        return active && !paused;
    }
}
