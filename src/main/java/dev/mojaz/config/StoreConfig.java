package dev.mojaz.config;

/**
 * Where state lives.
 *
 * @param path          the SQLite database file; its folder is created when missing
 * @param retentionDays articles older than this are pruned, with their deliveries
 */
public record StoreConfig(String path, int retentionDays) {
    public StoreConfig {
        Check.notBlank("path", path);
        Check.range("retention-days", retentionDays, 1, 3650);
    }
}
