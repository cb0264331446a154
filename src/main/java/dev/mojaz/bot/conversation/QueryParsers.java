package dev.mojaz.bot.conversation;

import dev.mojaz.config.MatchConfig;
import dev.mojaz.match.QueryParser;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A {@link QueryParser} that knows the sources as they are now: admins add and remove sources at run time, and a
 * query may name them ({@code source:sana}). The parser is rebuilt only when the set of ids changes.
 */
final class QueryParsers implements Supplier<QueryParser> {
    private record Built(Set<String> ids, QueryParser parser) {
    }

    private final MatchConfig limits;
    private final Supplier<? extends Collection<String>> sourceIds;
    private volatile Built built;

    QueryParsers(MatchConfig limits, Supplier<? extends Collection<String>> sourceIds) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sourceIds = Objects.requireNonNull(sourceIds, "sourceIds");
    }

    @Override
    public QueryParser get() {
        Set<String> ids = new TreeSet<>(sourceIds.get());
        Built now = built;
        if (now == null || !now.ids().equals(ids)) {
            now = new Built(Set.copyOf(ids), new QueryParser(limits, ids));
            built = now;
        }
        return now.parser();
    }
}
