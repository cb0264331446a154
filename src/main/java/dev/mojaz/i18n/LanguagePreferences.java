package dev.mojaz.i18n;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language a chat chose with /lang. A seam: the store keeps it with the chat's other settings (phase 2);
 * {@link #inMemory()} serves until then and in tests.
 */
public interface LanguagePreferences {
    /** The language the chat chose, if it chose one. */
    Optional<Language> chosen(long chatId);

    void choose(long chatId, Language language);

    /** Preferences kept in memory only: lost on restart. */
    static LanguagePreferences inMemory() {
        Map<Long, Language> chosen = new ConcurrentHashMap<>();
        return new LanguagePreferences() {
            @Override
            public Optional<Language> chosen(long chatId) {
                return Optional.ofNullable(chosen.get(chatId));
            }

            @Override
            public void choose(long chatId, Language language) {
                chosen.put(chatId, language);
            }
        };
    }
}
