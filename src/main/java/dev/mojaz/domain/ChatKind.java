package dev.mojaz.domain;

import java.util.Locale;

/**
 * The kinds of Telegram chat, named as Telegram names them in {@code Chat.type}. Groups, supergroups and channels
 * share the stricter per-minute sending limit.
 */
public enum ChatKind {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    /** Telegram's {@code chat.type} ("private", "group", "supergroup", "channel"; "sender" counts as private). */
    public static ChatKind fromTelegram(String type) {
        if (type == null) {
            throw new IllegalArgumentException("chat type is missing");
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "private", "sender" -> PRIVATE;
            case "group" -> GROUP;
            case "supergroup" -> SUPERGROUP;
            case "channel" -> CHANNEL;
            default -> throw new IllegalArgumentException("unknown chat type '" + type + "'");
        };
    }

    /** Groups, supergroups and channels: many readers, 20 messages a minute. */
    public boolean isGroupLike() {
        return this != PRIVATE;
    }

    /**
     * Whether a chat id names a group-like chat. Telegram gives people positive ids and groups, supergroups and
     * channels negative ones, so the sender can apply the right limit from the id alone.
     */
    public static boolean isGroupLikeId(long chatId) {
        return chatId < 0;
    }

    /** The name stored in the database and used by Telegram: {@code private}, {@code group}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a stored {@link #code} names (exactly). */
    public static ChatKind of(String type) {
        for (ChatKind kind : values()) {
            if (kind.code().equals(type)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown chat kind: " + type);
    }
}
