package dev.mojaz.cli;

import dev.mojaz.config.MojazConfig;
import dev.mojaz.source.ArticleRepository;
import dev.mojaz.source.SourceRepository;
import dev.mojaz.source.SourceStateRepository;
import dev.mojaz.source.memory.InMemoryArticleRepository;
import dev.mojaz.source.memory.InMemorySourceRepository;
import dev.mojaz.source.memory.InMemorySourceStateRepository;
import java.util.Objects;

/**
 * The storage the commands work on: articles, source health, sources added at run time.
 *
 * <p>{@link #open} is the one place that decides what backs them. Until the SQLite store is merged it returns
 * in-memory repositories, so {@code fetch --once} and {@code sources} work but forget everything when the process
 * ends; switching to SQLite is a change to {@link #open} alone.
 */
public final class Stores implements AutoCloseable {
    private final ArticleRepository articles;
    private final SourceStateRepository states;
    private final SourceRepository sources;
    private final boolean persistent;
    private final AutoCloseable resource;

    private Stores(ArticleRepository articles, SourceStateRepository states, SourceRepository sources,
                   boolean persistent, AutoCloseable resource) {
        this.articles = Objects.requireNonNull(articles, "articles");
        this.states = Objects.requireNonNull(states, "states");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.persistent = persistent;
        this.resource = resource;
    }

    /**
     * Opens the storage {@code config.store()} describes.
     *
     * <p>TODO(lead, store merge): open the SQLite database at {@code config.store().path()} and return its three
     * repositories with {@code persistent = true} and the database as the resource to close.
     */
    public static Stores open(MojazConfig config, CliContext context) {
        return new Stores(new InMemoryArticleRepository(), new InMemorySourceStateRepository(),
                new InMemorySourceRepository(), false, () -> { });
    }

    public ArticleRepository articles() {
        return articles;
    }

    public SourceStateRepository states() {
        return states;
    }

    public SourceRepository sources() {
        return sources;
    }

    /** Whether what is stored outlives this process (false for the in-memory stand-ins). */
    public boolean persistent() {
        return persistent;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the store: " + e.getMessage(), e);
        }
    }
}
