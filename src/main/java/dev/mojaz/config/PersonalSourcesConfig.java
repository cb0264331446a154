package dev.mojaz.config;

import java.time.Duration;

/**
 * The limits on sources people add for themselves with {@code /add}.
 *
 * @param perPerson   how many personal sources one chat may own
 * @param total       how many personal sources there may be in all (a feed many people added counts once)
 * @param minInterval how often a personal source is polled at most: its interval, never shorter
 */
public record PersonalSourcesConfig(int perPerson, int total, Duration minInterval) {
    public PersonalSourcesConfig {
        Check.range("per-person", perPerson, 0, 1000);
        Check.range("total", total, 0, 1_000_000);
        if (minInterval == null) {
            throw new InvalidValueException("min-interval", "is required (for example 30m)");
        }
        Check.positive("min-interval", minInterval);
        if (minInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidValueException("min-interval",
                    "must be at least 1m: other people's sites are not polled more often (was " + minInterval + ")");
        }
    }
}
