package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.command.Context;
import dev.mojaz.config.BotConfig;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.domain.Storage;
import dev.mojaz.i18n.Language;
import java.util.Objects;
import java.util.Optional;

/** Chats as the store keeps them, and the settings a chat gets when Mojaz first meets it ({@code bot.*}). */
final class ChatRegistry {
    private final Storage store;
    private final BotConfig bot;
    private final boolean linkPreviews;

    /** @param linkPreviews {@code telegram.link-previews}: whether new chats get link previews */
    ChatRegistry(Storage store, BotConfig bot, boolean linkPreviews) {
        this.store = Objects.requireNonNull(store, "store");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.linkPreviews = linkPreviews;
    }

    /** A new chat's settings: the configured defaults, in {@code language}. */
    ChatSettings defaults(Language language) {
        return new ChatSettings(language.code(), bot.zone(), bot.defaultDigestHours(), null,
                bot.defaultSummarySentences(), bot.defaultAlerts(), linkPreviews);
    }

    /** The chat the context speaks in, registered with the defaults (in the context's language) if it is new. */
    Chat ensure(Context context) {
        return ensure(context.chat(), context.language());
    }

    Chat ensure(ChatRef chat, Language language) {
        return store.chats().register(chat.id(), chat.kind(), chat.title().isEmpty() ? null : chat.title(),
                defaults(language));
    }

    Optional<Chat> find(long chatId) {
        return store.chats().find(chatId);
    }
}
