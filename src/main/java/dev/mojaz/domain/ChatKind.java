package dev.mojaz.domain;

import java.util.Locale;

/** The kinds of Telegram chat, named as Telegram names them in {@code Chat.type}. */
public enum ChatKind {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    /** The name stored in the database and used by Telegram: {@code private}, {@code group}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind Telegram calls {@code type}. */
    public static ChatKind of(String type) {
        for (ChatKind kind : values()) {
            if (kind.code().equals(type)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown chat kind: " + type);
    }
}
