package dev.mojaz.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a chat chose in /settings (or the defaults it started with).
 *
 * @param language         interface language, ISO 639-1 ({@code ar}, {@code en})
 * @param timeZone         the zone its digest hours and quiet hours are in
 * @param digestHours      hours of the day (0-23) at which a digest is due, ascending; empty for no digest
 * @param quietHours       when alerts are held, or null for never
 * @param summarySentences sentences in each summary it is sent
 * @param alerts           whether matching articles are sent at once (otherwise only in digests)
 * @param linkPreviews     whether Telegram shows link previews under the messages
 */
public record ChatSettings(
        String language,
        ZoneId timeZone,
        List<Integer> digestHours,
        QuietHours quietHours,
        int summarySentences,
        boolean alerts,
        boolean linkPreviews) {

    public ChatSettings {
        if (language == null || language.isBlank() || language.length() > 16) {
            throw new IllegalArgumentException("language must be a short language code (was '" + language + "')");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        digestHours = digestHours == null ? List.of() : digestHours.stream().distinct().sorted().toList();
        for (int hour : digestHours) {
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("digest hours must be between 0 and 23 (was " + hour + ")");
            }
        }
        if (summarySentences < 1 || summarySentences > 10) {
            throw new IllegalArgumentException("summarySentences must be between 1 and 10 (was " + summarySentences + ")");
        }
    }

    /** A new chat's settings: one digest at 8 in the morning, three-sentence summaries, alerts on, no previews. */
    public static ChatSettings defaults(String language, ZoneId timeZone) {
        return new ChatSettings(language, timeZone, List.of(8), null, 3, true, false);
    }

    public ChatSettings withLanguage(String value) {
        return new ChatSettings(value, timeZone, digestHours, quietHours, summarySentences, alerts, linkPreviews);
    }

    public ChatSettings withTimeZone(ZoneId value) {
        return new ChatSettings(language, value, digestHours, quietHours, summarySentences, alerts, linkPreviews);
    }

    public ChatSettings withDigestHours(List<Integer> value) {
        return new ChatSettings(language, timeZone, value, quietHours, summarySentences, alerts, linkPreviews);
    }

    public ChatSettings withQuietHours(QuietHours value) {
        return new ChatSettings(language, timeZone, digestHours, value, summarySentences, alerts, linkPreviews);
    }

    public ChatSettings withSummarySentences(int value) {
        return new ChatSettings(language, timeZone, digestHours, quietHours, value, alerts, linkPreviews);
    }

    public ChatSettings withAlerts(boolean value) {
        return new ChatSettings(language, timeZone, digestHours, quietHours, summarySentences, value, linkPreviews);
    }

    public ChatSettings withLinkPreviews(boolean value) {
        return new ChatSettings(language, timeZone, digestHours, quietHours, summarySentences, alerts, value);
    }
}
