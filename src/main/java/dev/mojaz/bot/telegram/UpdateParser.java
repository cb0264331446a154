package dev.mojaz.bot.telegram;

import dev.mojaz.bot.chat.ChatRef;
import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.MemberStatus;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.domain.ChatKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns a TelegramBots {@link Update} into the bot's own {@link Incoming}, or nothing for the kinds of update
 * Mojaz does not act on (edits, inline queries, reactions, messages from other bots…).
 */
public final class UpdateParser {
    /** The update kinds Mojaz asks getUpdates for. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "channel_post", "callback_query", "my_chat_member");

    private UpdateParser() {
    }

    public static Optional<Incoming> parse(Update update) {
        if (update == null || update.getUpdateId() == null) {
            return Optional.empty();
        }
        long id = update.getUpdateId();
        if (update.hasMessage()) {
            return message(id, update.getMessage());
        }
        if (update.hasChannelPost()) {
            return message(id, update.getChannelPost());
        }
        if (update.hasCallbackQuery()) {
            return callback(id, update.getCallbackQuery());
        }
        if (update.hasMyChatMember()) {
            return membership(id, update.getMyChatMember());
        }
        return Optional.empty();
    }

    private static Optional<Incoming> message(long updateId, Message message) {
        if (message.getChat() == null) {
            return Optional.empty();
        }
        ChatRef chat = chat(message.getChat());
        if (message.getMigrateToChatId() != null) {
            return Optional.of(new Incoming.Migration(updateId, chat, message.getMigrateToChatId()));
        }
        if (Boolean.TRUE.equals(message.getIsAutomaticForward())) {
            // A linked channel's post, copied by Telegram into the channel's discussion group: nobody addressed the
            // group, and the bot acts on the post in the channel itself if it is there.
            return Optional.empty();
        }
        // A message sent on behalf of a chat (a channel post, an anonymous group admin, a member posting as a
        // channel) carries that chat as sender_chat and, for old clients, a service account as "from"
        // (GroupAnonymousBot, Channel_Bot): the chat is kept as such, and there is no person. A channel post always
        // speaks for its channel.
        Optional<ChatRef> senderChat = Optional.ofNullable(message.getSenderChat()).map(UpdateParser::chat)
                .or(() -> chat.kind() == ChatKind.CHANNEL ? Optional.of(chat) : Optional.empty());
        User from = senderChat.isPresent() ? null : message.getFrom();
        if (from != null && Boolean.TRUE.equals(from.getIsBot())) {
            return Optional.empty(); // messages from other bots are not answered
        }
        String text = message.hasText() ? message.getText() : message.hasCaption() ? message.getCaption() : "";
        List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
        boolean forwarded = message.getForwardOrigin() != null || message.getForwardDate() != null;
        Optional<Incoming.Document> document = Optional.ofNullable(message.getDocument())
                .filter(d -> d.getFileId() != null)
                .map(d -> new Incoming.Document(d.getFileId(), d.getFileName(), d.getMimeType(),
                        d.getFileSize() == null ? 0 : d.getFileSize()));
        return Optional.of(new Incoming.Message(updateId, chat, Optional.ofNullable(from).map(UpdateParser::person),
                senderChat, message.getMessageId() == null ? 0 : message.getMessageId(), text, links(text, entities),
                forwarded, document));
    }

    private static Optional<Incoming> callback(long updateId, CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null || message.getChat() == null || query.getFrom() == null) {
            return Optional.empty(); // a button under an inline-mode message: Mojaz has none
        }
        return Optional.of(new Incoming.Callback(updateId, chat(message.getChat()), person(query.getFrom()),
                query.getId(), message.getMessageId() == null ? 0 : message.getMessageId(), query.getData()));
    }

    private static Optional<Incoming> membership(long updateId, ChatMemberUpdated change) {
        if (change.getChat() == null || change.getNewChatMember() == null) {
            return Optional.empty();
        }
        return Optional.of(new Incoming.Membership(updateId, chat(change.getChat()),
                Optional.ofNullable(change.getFrom()).map(UpdateParser::person),
                MemberStatus.fromTelegram(change.getNewChatMember().getStatus())));
    }

    private static ChatRef chat(Chat chat) {
        ChatKind kind = ChatKind.fromTelegram(chat.getType());
        String title = kind == ChatKind.PRIVATE ? chat.getFirstName() : chat.getTitle();
        return new ChatRef(chat.getId(), kind, title);
    }

    private static Person person(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getUserName(), user.getLanguageCode());
    }

    /** Links from url entities (the text itself) and text_link entities (the hidden target), in order. */
    static List<String> links(String text, List<MessageEntity> entities) {
        List<String> links = new ArrayList<>();
        if (entities == null) {
            return links;
        }
        for (MessageEntity entity : entities) {
            if ("text_link".equals(entity.getType()) && entity.getUrl() != null) {
                links.add(entity.getUrl());
            } else if ("url".equals(entity.getType()) && entity.getOffset() != null && entity.getLength() != null) {
                // offsets and lengths are in UTF-16 code units, as Java strings are
                int start = entity.getOffset();
                int end = start + entity.getLength();
                if (start >= 0 && end <= text.length()) {
                    links.add(text.substring(start, end));
                }
            }
        }
        return links;
    }
}
