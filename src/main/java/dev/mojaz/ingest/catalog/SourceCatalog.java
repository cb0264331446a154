package dev.mojaz.ingest.catalog;

import dev.mojaz.config.SourceConfig;
import dev.mojaz.domain.SourceRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective source list: the configuration's sources, in file order, then the stored ones by id. A stored source
 * with the id of a configured one replaces it (in its place), so an admin can change or disable a configured
 * source at run time without editing the file. Read afresh on every call: sources added at run time count at once.
 *
 * <p>Only the file grants a source private access ({@link SourceConfig#allowPrivate()}): a stored source never has it
 * of its own, and keeps the configured one's only while it polls the very URL the file names (an admin disabling and
 * enabling an intranet source keeps it working; one pointing the id elsewhere does not carry the grant along).
 */
public final class SourceCatalog {
    /** Where a source is defined. */
    public enum Origin {
        CONFIG, STORED, STORED_OVER_CONFIG
    }

    private final List<SourceConfig> configured;
    private final SourceRepository stored;

    public SourceCatalog(List<SourceConfig> configured, SourceRepository stored) {
        this.configured = List.copyOf(configured);
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Every source, enabled or not. */
    public List<SourceConfig> all() {
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        for (SourceConfig source : configured) {
            byId.put(source.id(), source);
        }
        for (SourceConfig source : stored.all()) {
            byId.put(source.id(), overriding(byId.get(source.id()), source)); // replaces in place, or appends
        }
        return new ArrayList<>(byId.values());
    }

    private static SourceConfig overriding(SourceConfig configuredOne, SourceConfig stored) {
        boolean keepsPrivateAccess = configuredOne != null && configuredOne.allowPrivate()
                && configuredOne.url().equals(stored.url());
        return new SourceConfig(stored.id(), stored.name(), stored.language(), stored.feed(), stored.page(),
                stored.linkSelector(), stored.interval(), stored.enabled(), keepsPrivateAccess);
    }

    /** The sources that are polled. */
    public List<SourceConfig> enabled() {
        return all().stream().filter(SourceConfig::enabled).toList();
    }

    public Optional<SourceConfig> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Origin origin(String id) {
        boolean inConfig = configured.stream().anyMatch(s -> s.id().equals(id));
        boolean inStore = stored.find(id).isPresent();
        return inConfig && inStore ? Origin.STORED_OVER_CONFIG : inStore ? Origin.STORED : Origin.CONFIG;
    }

    /** Adds or replaces a run-time source. */
    public void store(SourceConfig source) {
        stored.upsert(source);
    }
}
