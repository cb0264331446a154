package dev.mojaz.i18n;

import java.util.Optional;

/** The language a chat chose with /lang. The conversation keeps it in the store with the chat's other settings. */
public interface LanguagePreferences {
    /** The language the chat chose, if it chose one. */
    Optional<Language> chosen(long chatId);

    void choose(long chatId, Language language);
}
