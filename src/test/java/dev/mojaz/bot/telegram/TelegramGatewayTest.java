package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.bot.fake.Fault;
import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.SendOutcome.Reason;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.html.Html;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind of answer Telegram gives, through the real client, classified. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class TelegramGatewayTest {
    private static final long CHAT = 5005;
    private static final Html HELLO = Html.text("مرحبا");

    private FakeTelegramServer server;
    private TelegramConnection connection;
    private TelegramGateway gateway;

    @BeforeEach
    void start() {
        server = FakeTelegramServer.start();
        // Patient: an ordinary answer is never late, however loaded the machine (the timeout test has its own).
        connection = new TelegramConnection(server.baseUri(), server.token(), Duration.ofSeconds(30), Duration.ofSeconds(1));
        gateway = new TelegramGateway(connection.client());
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private SendOutcome send() {
        return gateway.send(OutgoingMessage.of(CHAT, HELLO));
    }

    @Test
    void aMessageGoesOutAsHtmlWithItsButtons() {
        Html text = Html.concat(Html.bold(Html.text("عاجل <سوريا> & لبنان")), Html.text("\n"),
                Html.link("https://example.com/a?x=1&y='2'", "الرابط"));
        Keyboard keyboard = Keyboard.of(List.of(List.of(Button.callback("إلغاء", "unsub:17"),
                Button.link("اقرأ", "https://example.com/"))));
        SendOutcome outcome = gateway.send(new OutgoingMessage(CHAT, text, keyboard, true));

        assertThat(outcome).isEqualTo(new SendOutcome.Sent(CHAT, 1));
        FakeTelegramServer.SentMessage sent = server.sent().get(0);
        assertThat(sent.visibleText()).isEqualTo("عاجل <سوريا> & لبنان\nالرابط");
        assertThat(sent.text()).contains("<a href=\"https://example.com/a?x=1&amp;y='2'\">");
        assertThat(sent.previewDisabled()).isFalse();
        assertThat(sent.buttonData()).containsExactly("unsub:17");
        assertThat(sent.buttonLabels()).containsExactly("إلغاء", "اقرأ");
    }

    @Test
    void tooManyRequestsCarriesRetryAfterForThatChat() {
        server.failNextFor(CHAT, Fault.tooManyRequests(7));
        assertThat(send()).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(7), CHAT, false));
    }

    @Test
    void tooManyRequestsOnAMethodWithoutAChatIsGlobal() {
        server.failNext("answerCallbackQuery", Fault.tooManyRequests(3));
        assertThat(gateway.answer(CallbackAnswer.silent("1")))
                .isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(3), 0, true));
    }

    @Test
    void aBlockedPersonIsPermanentForTheChat() {
        server.blockedBy(CHAT);
        assertThat(send()).isEqualTo(new SendOutcome.ChatUnavailable(CHAT, Reason.BLOCKED,
                "Forbidden: bot was blocked by the user"));
    }

    @Test
    void everyPermanentReasonIsRecognised() {
        assertThat(outcomeFor(Fault.deactivated())).isEqualTo(Reason.DEACTIVATED);
        assertThat(outcomeFor(Fault.chatNotFound())).isEqualTo(Reason.NOT_FOUND);
        assertThat(outcomeFor(Fault.kicked())).isEqualTo(Reason.KICKED);
        assertThat(outcomeFor(Fault.error(403, "Forbidden: bot was kicked from the supergroup chat"))).isEqualTo(Reason.KICKED);
        assertThat(outcomeFor(Fault.error(403, "Forbidden: bot is not a member of the channel chat"))).isEqualTo(Reason.KICKED);
        assertThat(outcomeFor(Fault.writeForbidden())).isEqualTo(Reason.WRITE_FORBIDDEN);
        assertThat(outcomeFor(Fault.error(400, "Bad Request: not enough rights to send text messages to the chat")))
                .isEqualTo(Reason.WRITE_FORBIDDEN);
        assertThat(outcomeFor(Fault.error(403, "Forbidden: bot can't initiate conversation with a user")))
                .isEqualTo(Reason.CANNOT_INITIATE);
        assertThat(outcomeFor(Fault.error(403, "Forbidden: something new"))).isEqualTo(Reason.FORBIDDEN);
    }

    private Reason outcomeFor(Fault fault) {
        server.failNextFor(CHAT, fault);
        SendOutcome outcome = send();
        assertThat(outcome).isInstanceOf(SendOutcome.ChatUnavailable.class);
        return ((SendOutcome.ChatUnavailable) outcome).reason();
    }

    @Test
    void aGroupThatBecameASupergroupSaysWhereItWent() {
        long group = -4001;
        long supergroup = -1004000000001L;
        server.migratedTo(group, supergroup);
        assertThat(gateway.send(OutgoingMessage.of(group, HELLO))).isEqualTo(new SendOutcome.Migrated(group, supergroup));
    }

    @Test
    void serverErrorsBadGatewayPagesAndTimeoutsAreTransient() {
        server.failNextFor(CHAT, Fault.serverError());
        assertThat(send()).isInstanceOf(SendOutcome.Transient.class);
        server.failNextFor(CHAT, Fault.badGateway());
        assertThat(send()).isInstanceOf(SendOutcome.Transient.class);
        // An answer that does not come while the test runs (the fake server's close ends it), to a client that
        // waits 800 ms: a timeout however fast or slow the machine is.
        server.failNextFor(CHAT, Fault.slow(Duration.ofMinutes(10)));
        try (TelegramConnection impatient = new TelegramConnection(server.baseUri(), server.token(),
                Duration.ofMillis(800), Duration.ofSeconds(1))) {
            assertThat(new TelegramGateway(impatient.client()).send(OutgoingMessage.of(CHAT, HELLO)))
                    // OkHttp's read timeout and call timeout are both 800 ms: either may fire first, and they say
                    // "SocketTimeoutException: Read timed out" or "InterruptedIOException: timeout"
                    .isInstanceOf(SendOutcome.Transient.class).asString().containsIgnoringCase("timeout");
        }
        assertThat(send()).isEqualTo(new SendOutcome.Sent(CHAT, 1)); // the slow one was never delivered
    }

    @Test
    void anUnreachableServerIsTransient() {
        URI address = server.baseUri();
        server.close();
        try (TelegramConnection gone = new TelegramConnection(address, FakeTelegramServer.TOKEN, Duration.ofMillis(500),
                Duration.ofSeconds(1))) {
            SendOutcome outcome = new TelegramGateway(gone.client()).send(OutgoingMessage.of(CHAT, HELLO));
            assertThat(outcome).isInstanceOf(SendOutcome.Transient.class).asString().contains("network");
        }
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        try (TelegramConnection wrong = new TelegramConnection(server.baseUri(), "999:wrong", Duration.ofSeconds(2),
                Duration.ofSeconds(1))) {
            assertThat(new TelegramGateway(wrong.client()).send(OutgoingMessage.of(CHAT, HELLO)))
                    .isEqualTo(new SendOutcome.Unauthorized("Unauthorized"));
        }
    }

    @Test
    void markupTelegramCannotParseIsRejectedButTheChatIsFine() {
        SendOutcome.Sent sent = (SendOutcome.Sent) send();
        // OutgoingMessage refuses such markup outright; an edit is not checked, so it reaches Telegram
        SendOutcome outcome = gateway.edit(new MessageEdit(CHAT, sent.messageId(), new Html("سطر<br>سطر"), Keyboard.NONE));
        assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class).asString().contains("can't parse entities");
        assertThatThrownBy(() -> OutgoingMessage.of(CHAT, new Html("سطر<br>سطر"))).hasMessageContaining("\"br\"");
    }

    @Test
    void aMessageOverTheLimitIsRejected() {
        Html tooLong = Html.text("ب".repeat(4097));
        assertThat(gateway.send(OutgoingMessage.of(CHAT, tooLong)))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: message is too long"));
        assertThat(gateway.send(OutgoingMessage.of(CHAT, Html.text("ب".repeat(4096))))).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void editsReplaceTextAndAnEditToTheSameTextCountsAsDone() {
        SendOutcome.Sent sent = (SendOutcome.Sent) send();
        MessageEdit edit = new MessageEdit(CHAT, sent.messageId(), Html.text("تم"), Keyboard.NONE);
        assertThat(gateway.edit(edit)).isEqualTo(new SendOutcome.Sent(CHAT, sent.messageId()));
        assertThat(gateway.edit(edit)).isEqualTo(new SendOutcome.Sent(CHAT, sent.messageId()));
        assertThat(server.edits()).hasSize(1);
        assertThat(gateway.edit(new MessageEdit(CHAT, 99, Html.text("x"), Keyboard.NONE)))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: message to edit not found"));
    }

    @Test
    void callbackAnswersAreRecordedAndAStaleOneIsRejected() {
        FakeUser user = FakeUser.arabic(CHAT, "سارة");
        SendOutcome.Sent sent = (SendOutcome.Sent) send();
        server.pressButton(FakeChat.privateWith(user), user, sent.messageId(), "x:1");
        String id = server.lastCallbackQueryId();

        assertThat(gateway.answer(new CallbackAnswer(id, "حُفظ", false))).isEqualTo(new SendOutcome.Sent(0, 0));
        assertThat(server.answers()).containsExactly(new FakeTelegramServer.Answer(id, "حُفظ", false));
        assertThat(gateway.answer(new CallbackAnswer(id, "again", false))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void whoAmIReadsGetMe() throws Exception {
        assertThat(gateway.whoAmI().username()).isEqualTo("MojazTestBot");
    }

    @Test
    void theApiUrlMustBeSchemeHostAndPort() {
        assertThat(TelegramConnection.toTelegramUrl(URI.create("https://api.telegram.org")).getPort()).isEqualTo(443);
        assertThat(TelegramConnection.toTelegramUrl(URI.create("http://127.0.0.1:8081/")).getPort()).isEqualTo(8081);
        assertThatThrownBy(() -> TelegramConnection.toTelegramUrl(URI.create("https://example.com/telegram")))
                .hasMessageContaining("a path ('/telegram') is not supported");
        assertThatThrownBy(() -> new TelegramConnection(server.baseUri(), " ", Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("MOJAZ_TELEGRAM_TOKEN");
    }
}
