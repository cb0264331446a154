package dev.mojaz.bot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mojaz.bot.chat.ChatAdmins;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Asks Telegram whether a person administers a group (getChatMember) and which channel is linked to a group
 * (getChat), and remembers the answers for a few minutes (Caffeine), so that pressing through a settings keyboard
 * costs one request, not one a press. When Telegram cannot be asked the answer is no: a group's settings are not
 * changed on a guess.
 */
public final class TelegramChatAdmins implements ChatAdmins {
    private static final Logger log = LoggerFactory.getLogger(TelegramChatAdmins.class);

    private record Key(long chatId, long personId) {
    }

    private final TelegramClient client;
    private final Cache<Key, Boolean> answers;
    /** Each group's linked channel id, 0 for none. */
    private final Cache<Long, Long> linkedChannels;

    public TelegramChatAdmins(TelegramClient client, Duration remember) {
        this.client = Objects.requireNonNull(client, "client");
        this.answers = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
        this.linkedChannels = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
    }

    public TelegramChatAdmins(TelegramClient client) {
        this(client, Duration.ofMinutes(5));
    }

    @Override
    public boolean isAdmin(long chatId, long personId) {
        Key key = new Key(chatId, personId);
        Boolean known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        try {
            ChatMember member = client.execute(new GetChatMember(Long.toString(chatId), personId));
            String status = member.getStatus() == null ? "" : member.getStatus();
            boolean admin = status.equals("creator") || status.equals("administrator");
            answers.put(key, admin);
            return admin;
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("could not ask whether {} administers chat {}: {}", personId, chatId, e.toString());
            return false;
        }
    }

    @Override
    public boolean isLinkedChannel(long groupId, long channelId) {
        Long known = linkedChannels.getIfPresent(groupId);
        if (known == null) {
            try {
                ChatFullInfo group = client.execute(new GetChat(Long.toString(groupId)));
                known = group.getLinkedChatId() == null ? 0L : group.getLinkedChatId();
                linkedChannels.put(groupId, known);
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("could not ask which channel is linked to chat {}: {}", groupId, e.toString());
                return false;
            }
        }
        return known != 0 && known == channelId;
    }
}
