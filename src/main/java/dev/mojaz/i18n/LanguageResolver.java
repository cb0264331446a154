package dev.mojaz.i18n;

import java.util.Objects;

/** Decides which language to answer a chat in: its own choice first, then its Telegram language, then the default. */
public final class LanguageResolver {
    private final LanguagePreferences preferences;
    private final Language fallback;

    /**
     * @param fallback the language when a chat chose none and Telegram gives no language code (channel posts):
     *                 {@code telegram.default-language}
     */
    public LanguageResolver(LanguagePreferences preferences, Language fallback) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    public Language forChat(long chatId, String telegramLanguageCode) {
        return preferences.chosen(chatId).orElseGet(() -> Language.fromTelegramCode(telegramLanguageCode, fallback));
    }

    public LanguagePreferences preferences() {
        return preferences;
    }
}
