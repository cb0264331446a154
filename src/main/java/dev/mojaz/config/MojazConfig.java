package dev.mojaz.config;

import java.util.List;

/**
 * The whole configuration, one section per concern. Every section has built-in defaults, so an empty file is a
 * valid configuration.
 */
public record MojazConfig(
        SummaryConfig summary,
        FetchConfig fetch,
        List<SourceConfig> sources,
        StoreConfig store,
        MatchConfig match,
        TelegramConfig telegram,
        BotConfig bot,
        DigestConfig digest,
        HealthConfig health) {

    public MojazConfig {
        Check.required("summary", summary);
        Check.required("fetch", fetch);
        sources = List.copyOf(Check.noNulls("sources", sources));
        Check.required("store", store);
        Check.required("match", match);
        Check.required("telegram", telegram);
        Check.required("bot", bot);
        Check.required("digest", digest);
        Check.required("health", health);
        long distinctIds = sources.stream().map(SourceConfig::id).distinct().count();
        if (distinctIds != sources.size()) {
            throw new InvalidValueException("sources", "source ids must be unique");
        }
    }

    // Copies with one section replaced, for the modes that adjust a loaded configuration (console, benchmarks), so
    // that they do not repeat every other section (and need no change when a section is added).

    public MojazConfig withSources(List<SourceConfig> newSources) {
        return new MojazConfig(summary, fetch, newSources, store, match, telegram, bot, digest, health);
    }

    public MojazConfig withStore(StoreConfig newStore) {
        return new MojazConfig(summary, fetch, sources, newStore, match, telegram, bot, digest, health);
    }

    public MojazConfig withTelegram(TelegramConfig newTelegram) {
        return new MojazConfig(summary, fetch, sources, store, match, newTelegram, bot, digest, health);
    }

    public MojazConfig withDigest(DigestConfig newDigest) {
        return new MojazConfig(summary, fetch, sources, store, match, telegram, bot, newDigest, health);
    }
}
