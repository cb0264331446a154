package dev.mojaz.bot.conversation;

import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.Storage;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguagePreferences;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat's language is the {@code language} of its row in the chats table: set from the person's Telegram language
 * when the chat is registered, changed by /lang. A chat Mojaz has not registered (or that was forgotten) has no
 * choice, so it is spoken to in its Telegram language.
 */
public final class StoredLanguages implements LanguagePreferences {
    private final Storage store;
    private final ChatRegistry chats;

    StoredLanguages(Storage store, ChatRegistry chats) {
        this.store = Objects.requireNonNull(store, "store");
        this.chats = Objects.requireNonNull(chats, "chats");
    }

    @Override
    public Optional<Language> chosen(long chatId) {
        return store.chats().find(chatId).flatMap(chat -> Language.fromCode(chat.settings().language()));
    }

    /** Saves the choice; a chat not registered yet is registered with it (a person's chat, or a group by its id). */
    @Override
    public void choose(long chatId, Language language) {
        store.transaction(() -> {
            Optional<Chat> chat = store.chats().find(chatId);
            if (chat.isPresent()) {
                store.chats().updateSettings(chatId, chat.get().settings().withLanguage(language.code()));
            } else {
                store.chats().register(chatId, chatId > 0 ? ChatKind.PRIVATE : ChatKind.SUPERGROUP, null,
                        chats.defaults(language));
            }
        });
    }
}
