package dev.mojaz.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * What the conversation gives a chat it meets for the first time, and what it offers in /settings.
 *
 * @param defaultTimeZone       time zone of a new chat, an IANA id ({@code Asia/Damascus})
 * @param defaultDigestHours    hours of the day (0-23, in the chat's time zone) at which a new chat gets its digest;
 *                              empty for none
 * @param defaultSummarySentences sentences in the summaries a new chat is sent (short 1–2, medium 3, long 5)
 * @param defaultAlerts         whether a new chat gets instant alerts (otherwise digests only)
 * @param timeZones             the time zones /settings offers, in the order shown; each needs a {@code zone.<id>}
 *                              name in the message bundles to be shown by name rather than by id
 * @param textSummaryMinSentences plain text sent to the bot (no link, no command) is summarised when it has at
 *                              least this many sentences; shorter text gets a word of guidance instead
 * @param maxOpmlBytes          largest OPML file an admin may import (a document or a URL)
 * @param suggestedTopics       the ready-made subscriptions /subscribe offers as buttons (queries, in the articles'
 *                              language, in the form that catches most)
 * @param personalSources       the limits on sources people add with /add
 */
public record BotConfig(
        String defaultTimeZone,
        List<Integer> defaultDigestHours,
        int defaultSummarySentences,
        boolean defaultAlerts,
        List<String> timeZones,
        int textSummaryMinSentences,
        long maxOpmlBytes,
        List<String> suggestedTopics,
        PersonalSourcesConfig personalSources) {

    public BotConfig {
        zone("default-time-zone", defaultTimeZone);
        defaultDigestHours = List.copyOf(Check.noNulls("default-digest-hours", defaultDigestHours));
        for (int hour : defaultDigestHours) {
            Check.range("default-digest-hours", hour, 0, 23);
        }
        Check.range("default-summary-sentences", defaultSummarySentences, 1, 10);
        timeZones = List.copyOf(Check.noNulls("time-zones", timeZones));
        if (timeZones.isEmpty()) {
            throw new InvalidValueException("time-zones", "must offer at least one time zone");
        }
        if (timeZones.size() > 48) {
            throw new InvalidValueException("time-zones", "at most 48 can be offered as buttons (was " + timeZones.size() + ")");
        }
        for (String id : timeZones) {
            zone("time-zones", id);
            if (id.length() > 50) {
                throw new InvalidValueException("time-zones", "'" + id + "' is too long for a button's data");
            }
        }
        Check.range("text-summary-min-sentences", textSummaryMinSentences, 1, 100);
        Check.range("max-opml-bytes", maxOpmlBytes, 1024, 64L << 20);
        suggestedTopics = List.copyOf(Check.noNulls("suggested-topics", suggestedTopics));
        if (suggestedTopics.size() > 24) {
            throw new InvalidValueException("suggested-topics", "at most 24 can be offered as buttons");
        }
        for (String topic : suggestedTopics) {
            Check.notBlank("suggested-topics", topic);
        }
        Check.required("personal-sources", personalSources);
    }

    /** {@link #defaultTimeZone()} as a zone. */
    public ZoneId zone() {
        return ZoneId.of(defaultTimeZone);
    }

    private static void zone(String key, String id) {
        Check.notBlank(key, id);
        try {
            ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidValueException(key, "'" + id + "' is not a time zone id such as Asia/Damascus");
        }
    }
}
