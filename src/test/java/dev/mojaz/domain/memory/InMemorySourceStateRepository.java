package dev.mojaz.domain.memory;

import dev.mojaz.domain.SourceState;
import dev.mojaz.domain.SourceStateRepository;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Source states in a map. Thread-safe. */
public final class InMemorySourceStateRepository implements SourceStateRepository {
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();

    @Override
    public SourceState load(String sourceId) {
        return states.getOrDefault(sourceId, SourceState.initial(sourceId));
    }

    @Override
    public Map<String, SourceState> all() {
        return new TreeMap<>(states);
    }

    @Override
    public void save(SourceState state) {
        states.put(state.sourceId(), state);
    }
}
