package dev.mojaz.config;

import java.net.URI;
import java.util.List;

/**
 * How Mojaz talks to Telegram. The bot token is a secret and is read only from the environment
 * ({@code MOJAZ_TELEGRAM_TOKEN}), never from this file.
 *
 * @param apiUrl Bot API base URL; a self-hosted Bot API server or a test server can stand in for Telegram
 * @param admins chat ids allowed to use the admin commands
 */
public record TelegramConfig(URI apiUrl, List<Long> admins) {
    public TelegramConfig {
        Check.required("api-url", apiUrl);
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
            throw new InvalidValueException("api-url", "must be an absolute http or https URL (was '" + apiUrl + "')");
        }
        admins = List.copyOf(Check.noNulls("admins", admins));
    }
}
