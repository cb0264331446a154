package dev.mojaz.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat whose digest is due.
 *
 * @param chat  the chat
 * @param slot  the digest hour that made it due (the latest one not after now)
 * @param since the digest covers articles stored after this: the last digest, or when the chat was created
 */
public record DueDigest(Chat chat, Instant slot, Instant since) {
    public DueDigest {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(since, "since");
    }
}
