package dev.mojaz.bot.conversation;

import dev.mojaz.match.SubscriptionRegistry;
import dev.mojaz.domain.Chat;
import dev.mojaz.store.Store;
import dev.mojaz.domain.Subscription;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps a {@link SubscriptionRegistry} equal to the store, chat by chat: every subscription of a receiving chat
 * (active, not paused) registered, nothing else. It remembers which ids it registered for each chat, so that a chat
 * whose subscriptions were deleted (unsubscribe, /forget, migration) has them unregistered too. Called after each
 * commit that changed a chat.
 */
final class MatcherSync {
    private final Store store;
    private final SubscriptionRegistry registry;
    private final Map<Long, Set<Long>> registered = new HashMap<>();

    MatcherSync(Store store, SubscriptionRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Registers every subscription of every receiving chat (again, if the registry had them: adding replaces). */
    synchronized int loadAll() {
        Map<Long, List<Subscription>> byChat = store.subscriptions().ofReceivingChats().stream()
                .collect(Collectors.groupingBy(Subscription::chatId, LinkedHashMap::new, Collectors.toList()));
        int loaded = 0;
        for (Map.Entry<Long, List<Subscription>> chat : byChat.entrySet()) {
            loaded += register(chat.getKey(), chat.getValue());
        }
        return loaded;
    }

    /** Makes the registry agree with the store for one chat. */
    synchronized void sync(long chatId) {
        Set<Long> before = registered.remove(chatId);
        if (before != null) {
            before.forEach(registry::remove);
        }
        Optional<Chat> chat = store.chats().find(chatId);
        if (chat.isPresent() && chat.get().receiving()) {
            register(chatId, store.subscriptions().list(chatId));
        }
    }

    private int register(long chatId, List<Subscription> subscriptions) {
        Set<Long> ids = subscriptions.stream().filter(registry::add).map(Subscription::id).collect(Collectors.toSet());
        if (!ids.isEmpty()) {
            registered.put(chatId, ids);
        }
        return ids.size();
    }
}
