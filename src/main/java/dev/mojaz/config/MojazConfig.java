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
        DigestConfig digest,
        HealthConfig health) {

    public MojazConfig {
        Check.required("summary", summary);
        Check.required("fetch", fetch);
        sources = List.copyOf(Check.noNulls("sources", sources));
        Check.required("store", store);
        Check.required("match", match);
        Check.required("telegram", telegram);
        Check.required("digest", digest);
        Check.required("health", health);
        long distinctIds = sources.stream().map(SourceConfig::id).distinct().count();
        if (distinctIds != sources.size()) {
            throw new InvalidValueException("sources", "source ids must be unique");
        }
    }
}
