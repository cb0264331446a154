package dev.mojaz.app;

import dev.mojaz.bot.command.ReplySink;
import dev.mojaz.bot.i18n.Texts;
import dev.mojaz.bot.outbox.ChatLifecycle;
import dev.mojaz.bot.send.MessageSender;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.digest.LiveSubscriptions;
import dev.mojaz.digest.OnDemandDigest;
import dev.mojaz.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * What the conversation's handlers may use, handed to {@link BotApplication#conversation}.
 *
 * @param replies       replies through the durable outbox (edits and button answers go at once)
 * @param sender        direct sending within the rate limits, for what must not wait in the outbox
 * @param subscriptions the live matcher: keep it in step with the store ({@code add} on subscribe and on a chat's
 *                      return after /stop or a block, {@code remove} on unsubscribe and /forget)
 * @param chats         deactivating or migrating a chat in the store and the matcher together (a group's
 *                      {@code migrate_to_chat_id} update, a {@code kicked} membership update)
 * @param digests       {@code /digest}
 * @param sources       the source catalog and the guarded fetcher (for {@code /summary} and {@code /sources})
 * @param botUsername   the bot's username from getMe (empty in the console)
 */
public record BotServices(
        MojazConfig config,
        Store store,
        Clock clock,
        Texts texts,
        ReplySink replies,
        MessageSender sender,
        LiveSubscriptions subscriptions,
        ChatLifecycle chats,
        OnDemandDigest digests,
        Sources sources,
        String botUsername) {
    public BotServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(chats, "chats");
        Objects.requireNonNull(digests, "digests");
        Objects.requireNonNull(sources, "sources");
        botUsername = botUsername == null ? "" : botUsername;
    }
}
