package dev.mojaz.match;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who a source's articles may reach. Every source's reach everyone, except personal sources (added by people for
 * themselves, not promoted by an admin), whose articles reach only their owners' subscriptions. Held in memory for
 * the matcher, which asks for every hit; {@link #reload()} after a change to the personal sources is committed.
 * Thread-safe.
 */
public final class SourceAudience {
    private final Supplier<Map<String, Set<Long>>> restricted;
    private volatile Map<String, Set<Long>> owners = Map.of();

    /** @param restricted the owners of every source whose articles reach only them, read afresh by {@link #reload} */
    public SourceAudience(Supplier<Map<String, Set<Long>>> restricted) {
        this.restricted = Objects.requireNonNull(restricted, "restricted");
        reload();
    }

    /** Every source reaches everyone (no personal sources). */
    public static SourceAudience everyone() {
        return new SourceAudience(Map::of);
    }

    /** Reads the restricted sources and their owners again. */
    public void reload() {
        Map<String, Set<Long>> copy = new HashMap<>();
        restricted.get().forEach((source, chats) -> copy.put(source, Set.copyOf(chats)));
        owners = Map.copyOf(copy);
    }

    /** Whether an article of {@code sourceId} may reach {@code chatId}. */
    public boolean reaches(String sourceId, long chatId) {
        Set<Long> only = sourceId == null ? null : owners.get(sourceId);
        return only == null || only.contains(chatId);
    }

    /** Whether the source's articles reach only its owners. */
    public boolean isRestricted(String sourceId) {
        return sourceId != null && owners.containsKey(sourceId);
    }
}
