package dev.mojaz.bot.telegram;

import java.time.Instant;
import java.util.Objects;

/**
 * The intake is holding updates back because handling them keeps failing for a reason that will pass (the
 * database busy or full): nothing past them is acknowledged, and they are tried again with back-off.
 *
 * @param since    when the first of the updates now held back failed
 * @param updates  how many updates are held back
 * @param reason   the latest failure, one line
 */
public record IntakePause(Instant since, int updates, String reason) {
    public IntakePause {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for the health report. */
    public String describe() {
        return "intake paused: store failing since " + since + " (" + updates + (updates == 1 ? " update" : " updates")
                + " held back and retried): " + reason;
    }
}
