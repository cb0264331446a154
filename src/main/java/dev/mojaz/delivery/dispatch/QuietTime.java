package dev.mojaz.delivery.dispatch;

import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When an alert may go, given a chat's quiet hours. */
final class QuietTime {
    private QuietTime() {
    }

    /**
     * Empty when {@code now} is outside the chat's quiet hours (the alert goes now); otherwise the end of the quiet
     * hours, in the chat's time zone (a day without that hour, at a DST change, takes the next valid time).
     */
    static Optional<Instant> heldUntil(ChatSettings settings, Instant now) {
        QuietHours quiet = settings.quietHours();
        if (quiet == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(settings.timeZone());
        if (!quiet.contains(local.getHour())) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(LocalTime.of(quiet.end(), 0));
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(quiet.end(), 0).atZone(settings.timeZone());
        }
        return Optional.of(end.toInstant());
    }
}
