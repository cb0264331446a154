package dev.mojaz.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Optional;

/**
 * Where state lives: an SQLite file ({@code path}, the default) or, for several instances sharing one database, a
 * PostgreSQL server ({@code url}, which wins over {@code path} when set).
 *
 * @param path          the SQLite database file; its folder is created when missing
 * @param url           a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db?user=mojaz}), or null for the
 *                      SQLite file; environment {@code MOJAZ_STORE_URL} overrides it
 * @param password      the PostgreSQL password, from environment {@code MOJAZ_STORE_PASSWORD} only (never from the
 *                      file, never printed); null when the server needs none
 * @param retentionDays articles older than this are pruned, with their deliveries
 */
public record StoreConfig(String path, String url, @JsonIgnore String password, int retentionDays) {
    /** The URL prefix {@code store.url} must have. */
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    public StoreConfig {
        Check.notBlank("path", path);
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null) {
            urlProblem(url).ifPresent(problem -> {
                throw new InvalidValueException("url", problem);
            });
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
        Check.range("retention-days", retentionDays, 1, 3650);
    }

    /** An SQLite file. */
    public StoreConfig(String path, int retentionDays) {
        this(path, null, null, retentionDays);
    }

    /** Whether the store is a PostgreSQL server rather than the SQLite file. */
    public boolean usesPostgresql() {
        return url != null;
    }

    /** Where the store is, for messages: the SQLite path, or "PostgreSQL at host:port/db" (never the password). */
    public String location() {
        if (url == null) {
            return path;
        }
        String server = url.substring(POSTGRESQL_PREFIX.length());
        if (server.startsWith("//")) {
            server = server.substring(2);
        }
        int query = server.indexOf('?');
        return "PostgreSQL at " + (query < 0 ? server : server.substring(0, query));
    }

    /** This configuration with the PostgreSQL URL replaced. */
    public StoreConfig withUrl(String newUrl) {
        return new StoreConfig(path, newUrl, password, retentionDays);
    }

    /** This configuration with the password (from the environment) set. */
    public StoreConfig withPassword(String newPassword) {
        return new StoreConfig(path, url, newPassword, retentionDays);
    }

    /**
     * What is wrong with a {@code store.url}, if anything: it must be a PostgreSQL JDBC URL, and it must not carry a
     * password (a URL is printed, logged and committed far more readily than an environment variable is).
     */
    public static Optional<String> urlProblem(String url) {
        if (!url.startsWith(POSTGRESQL_PREFIX)) {
            return Optional.of("must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/mojaz?user=mojaz"
                    + " (for SQLite set store.path instead)");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        if (query >= 0) {
            for (String parameter : lower.substring(query + 1).split("&")) {
                if (parameter.startsWith("password=")) {
                    return Optional.of("must not carry a password; set the environment variable MOJAZ_STORE_PASSWORD");
                }
            }
        }
        int authorityStart = lower.indexOf("//");
        if (authorityStart >= 0) {
            int authorityEnd = lower.indexOf('/', authorityStart + 2);
            String authority = lower.substring(authorityStart + 2, authorityEnd < 0 ? lower.length() : authorityEnd);
            if (authority.contains("@")) {
                return Optional.of("must not carry a user or password before the host; put the user in ?user=..."
                        + " and the password in the environment variable MOJAZ_STORE_PASSWORD");
            }
        }
        return Optional.empty();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "StoreConfig[path=" + path + ", url=" + url + ", password=" + (password == null ? "none" : "(set)")
                + ", retentionDays=" + retentionDays + "]";
    }
}
