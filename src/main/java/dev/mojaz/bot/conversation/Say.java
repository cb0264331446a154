package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.command.Context;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import java.util.List;

/** Small shared pieces of the handlers' answers. */
final class Say {
    private Say() {
    }

    /** The bot's message whose button was pressed. */
    static int pressed(Context context) {
        if (context.incoming() instanceof Incoming.Callback callback) {
            return callback.messageId();
        }
        throw new IllegalStateException("not a button press");
    }

    /** Answers a button press by editing its message; anything else by a new message. */
    static void replyOrEdit(Context context, Html text, Keyboard keyboard) throws InterruptedException {
        if (context.incoming() instanceof Incoming.Callback callback) {
            context.edit(callback.messageId(), text, keyboard);
        } else {
            context.reply(text, keyboard);
        }
    }

    /** An hour of the day as shown: {@code 08:00}. */
    static String hour(int hour) {
        return String.format(java.util.Locale.ROOT, "%02d:00", hour);
    }

    /** Items of a list in a sentence: the Arabic comma in Arabic. */
    static String list(Language language, List<String> items) {
        return String.join(language == Language.AR ? "، " : ", ", items);
    }

    /** A label short enough for a button. */
    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).strip() + "…";
    }

    /** The key under which a chat's state between two updates is kept in the bot state. */
    static String chatState(long chatId, String what) {
        return "chat." + chatId + "." + what;
    }
}
