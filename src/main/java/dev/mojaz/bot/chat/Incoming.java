package dev.mojaz.bot.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that arrived from Telegram and the bot may act on. Every kind carries the update id it came in, so
 * that the intake can record what has been handled.
 */
public sealed interface Incoming {
    /** Telegram's update id; increases with every update. */
    long updateId();

    /** The chat this concerns. */
    ChatRef chat();

    /**
     * A message in a private chat or group, or a post in a channel.
     *
     * @param from       the person who wrote it; empty when it was sent on behalf of a chat (then
     *                   {@code senderChat} says which), never the service account Telegram puts there for backward
     *                   compatibility (GroupAnonymousBot, Channel_Bot)
     * @param senderChat the chat it was sent on behalf of (Telegram's {@code sender_chat}): the channel itself for a
     *                   channel post, the group itself for an anonymous group admin, or a channel a member chose to
     *                   post as (who may be anyone: it says nothing about who the person is)
     * @param messageId  the message's id within its chat
     * @param text      the text or the caption; empty for messages without either
     * @param links     the links in it, from Telegram's {@code url} and {@code text_link} entities, in order
     * @param forwarded whether it was forwarded from elsewhere
     * @param document  the file attached to it (an OPML file an admin sends), if any; {@code text} is then its
     *                  caption
     */
    record Message(long updateId, ChatRef chat, Optional<Person> from, Optional<ChatRef> senderChat, int messageId,
                   String text, List<String> links, boolean forwarded, Optional<Document> document) implements Incoming {
        public Message {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(senderChat, "senderChat");
            if (from.isPresent() && senderChat.isPresent()) {
                throw new IllegalArgumentException("a message comes from a person or on behalf of a chat, not both");
            }
            text = text == null ? "" : text;
            links = List.copyOf(links);
            Objects.requireNonNull(document, "document");
        }

        /** A message not sent on behalf of a chat, with a file. */
        public Message(long updateId, ChatRef chat, Optional<Person> from, int messageId, String text,
                       List<String> links, boolean forwarded, Optional<Document> document) {
            this(updateId, chat, from, Optional.empty(), messageId, text, links, forwarded, document);
        }

        /** A message not sent on behalf of a chat, without a file. */
        public Message(long updateId, ChatRef chat, Optional<Person> from, int messageId, String text,
                       List<String> links, boolean forwarded) {
            this(updateId, chat, from, messageId, text, links, forwarded, Optional.empty());
        }
    }

    /**
     * A file sent as a document. The bytes stay on Telegram's side until fetched with
     * {@link FileDownloads#download}.
     *
     * @param fileId   Telegram's id for fetching it
     * @param fileName the name it was sent with; may be empty
     * @param mimeType as the sender's client declared it; may be empty
     * @param size     its size in bytes, or 0 when Telegram does not say
     */
    record Document(String fileId, String fileName, String mimeType, long size) {
        public Document {
            Objects.requireNonNull(fileId, "fileId");
            fileName = fileName == null ? "" : fileName;
            mimeType = mimeType == null ? "" : mimeType;
        }
    }

    /**
     * A press on one of the bot's inline buttons. It must be answered (even silently), or the person's client
     * shows a spinner.
     *
     * @param callbackId Telegram's id for the answer
     * @param messageId  the bot's message the button belongs to
     * @param data       the button's callback data (1–64 bytes)
     */
    record Callback(long updateId, ChatRef chat, Person from, String callbackId, int messageId, String data)
            implements Incoming {
        public Callback {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(callbackId, "callbackId");
            data = data == null ? "" : data;
        }
    }

    /**
     * The bot's own membership changed: blocked or unblocked by a person, added to or removed from a group,
     * made an admin of a channel.
     */
    record Membership(long updateId, ChatRef chat, Optional<Person> by, MemberStatus status) implements Incoming {
        public Membership {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A group became a supergroup with a new id; what belonged to the old chat moves to {@code toChatId}. */
    record Migration(long updateId, ChatRef chat, long toChatId) implements Incoming {
        public Migration {
            Objects.requireNonNull(chat, "chat");
        }
    }
}
