package dev.mojaz.domain.memory;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Sources in a sorted map. Thread-safe. */
public final class InMemorySourceRepository implements SourceRepository {
    private final Map<String, SourceConfig> sources = new ConcurrentSkipListMap<>();

    @Override
    public List<SourceConfig> all() {
        return List.copyOf(sources.values());
    }

    @Override
    public Optional<SourceConfig> find(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    @Override
    public void upsert(SourceConfig source) {
        sources.put(source.id(), source);
    }

    @Override
    public boolean remove(String id) {
        return sources.remove(id) != null;
    }
}
