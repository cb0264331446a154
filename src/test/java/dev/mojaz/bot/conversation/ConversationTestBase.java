package dev.mojaz.bot.conversation;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake Telegram server and the conversation over a fresh SQLite file, for each test. */
abstract class ConversationTestBase {
    static final FakeUser LAYLA = FakeUser.arabic(1001, "ليلى");
    static final FakeUser JOHN = FakeUser.english(1002, "John");
    static final FakeUser ADMIN = FakeUser.english(ConversationHarness.ADMIN, "Admin");
    static final FakeChat LAYLA_CHAT = FakeChat.privateWith(LAYLA);
    static final FakeChat JOHN_CHAT = FakeChat.privateWith(JOHN);
    static final FakeChat ADMIN_CHAT = FakeChat.privateWith(ADMIN);

    @TempDir
    Path dir;

    FakeTelegramServer server;
    ConversationHarness bot;

    @BeforeEach
    void startServer() throws Exception {
        server = FakeTelegramServer.start();
        bot = new ConversationHarness(server, dir, options());
    }

    /** The options every test of the class runs with. */
    ConversationHarness.Options options() {
        return new ConversationHarness.Options();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        server.close();
    }

    /** Restarts the bot (a new process) over the same database file. */
    void restart(ConversationHarness.Options options) throws Exception {
        bot.settle();
        bot.close();
        bot = new ConversationHarness(server, dir, options);
    }

    /** Sends {@code text} and returns the next message the chat receives. */
    SentMessage ask(FakeChat chat, FakeUser from, String text) {
        int before = server.sentTo(chat.id()).size();
        server.sendText(chat, from, text);
        return server.awaitSentTo(chat.id(), before + 1).get(before);
    }

    /**
     * Sends {@code text} and returns the answer that counts: a link's summary comes after "working on it" (which is
     * skipped here), anything else is the next message.
     */
    SentMessage askForSummary(FakeChat chat, FakeUser from, String text) {
        int before = server.sentTo(chat.id()).size();
        server.sendText(chat, from, text);
        SentMessage first = server.awaitSentTo(chat.id(), before + 1).get(before);
        if (!isWorkingOnIt(first)) {
            return first;
        }
        return server.awaitSentTo(chat.id(), before + 2).get(before + 1);
    }

    static boolean isWorkingOnIt(SentMessage message) {
        return message.visibleText().equals(text(Language.AR, Msg.SUMMARY_WORKING))
                || message.visibleText().equals(text(Language.EN, Msg.SUMMARY_WORKING));
    }

    /** Presses a button and waits for its answer; returns the answer's text. */
    String press(FakeChat chat, FakeUser from, SentMessage message, String data) {
        int before = server.answers().size();
        server.pressButton(chat, from, message.messageId(), data);
        return server.awaitAnswers(before + 1).get(before).text();
    }

    /** The current text of the bot's message (after any edits). */
    String currentText(SentMessage message) {
        List<dev.mojaz.bot.fake.FakeTelegramServer.Edit> edits = server.edits().stream()
                .filter(e -> e.chatId() == message.chatId() && e.messageId() == message.messageId()).toList();
        return edits.isEmpty() ? message.visibleText() : edits.get(edits.size() - 1).visibleText();
    }

    /** The buttons' callback data of the bot's message now (after any edits). */
    List<String> currentButtons(SentMessage message) {
        List<dev.mojaz.bot.fake.FakeTelegramServer.Edit> edits = server.edits().stream()
                .filter(e -> e.chatId() == message.chatId() && e.messageId() == message.messageId()).toList();
        if (edits.isEmpty()) {
            return message.buttonData();
        }
        var markup = edits.get(edits.size() - 1).replyMarkup();
        List<String> data = new java.util.ArrayList<>();
        if (markup != null) {
            markup.path("inline_keyboard").forEach(row -> row.forEach(b -> {
                if (b.has("callback_data")) {
                    data.add(b.get("callback_data").asText());
                }
            }));
        }
        return data;
    }

    static String text(Language language, Msg msg) {
        return ConversationHarness.TEXTS.html(language, msg).visibleText();
    }

    static String text(Language language, Msg msg, Map<String, ?> arguments) {
        return ConversationHarness.TEXTS.html(language, msg, arguments).visibleText();
    }

    static String plain(Language language, Msg msg) {
        return ConversationHarness.TEXTS.plain(language, msg);
    }
}
