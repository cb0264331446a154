package dev.mojaz.i18n;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Languages chosen with /lang, kept in memory only, for tests that run without a store. */
public final class MemoryLanguagePreferences implements LanguagePreferences {
    private final Map<Long, Language> chosen = new ConcurrentHashMap<>();

    @Override
    public Optional<Language> chosen(long chatId) {
        return Optional.ofNullable(chosen.get(chatId));
    }

    @Override
    public void choose(long chatId, Language language) {
        chosen.put(chatId, language);
    }
}
