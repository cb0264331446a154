package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.common.Backoff;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.delivery.compose.Button;
import dev.mojaz.delivery.compose.CallbackAnswer;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.MessageEdit;
import dev.mojaz.delivery.compose.OutboxCodec;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.delivery.outbox.MessageGateway;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.delivery.outbox.SendOutcome;
import dev.mojaz.domain.OutboxMessage;
import dev.mojaz.html.Html;
import dev.mojaz.store.SqlStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The turn: what a handler does, its replies and the update id are committed together, or not at all. */
@Tag("fast")
class OutboxRepliesTest {
    @TempDir
    Path dir;

    private SqlStorage store;
    private StoredUpdateOffsets offsets;
    private OutboxReplies replies;
    private final List<Object> sentDirectly = new CopyOnWriteArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();

    /** Records edits and answers instead of calling Telegram (the outbox is what is under test). */
    private final MessageGateway recording = new MessageGateway() {
        @Override
        public SendOutcome send(OutgoingMessage message) {
            throw new AssertionError("replies must go through the outbox, not straight out");
        }

        @Override
        public SendOutcome edit(MessageEdit edit) {
            sentDirectly.add(edit);
            return new SendOutcome.Sent(edit.chatId(), edit.messageId());
        }

        @Override
        public SendOutcome answer(CallbackAnswer answer) {
            sentDirectly.add(answer);
            return new SendOutcome.Sent(0, 0);
        }
    };

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        store = SqlStorage.open(new StoreConfig("t.db", 30), dir, clock);
        offsets = new StoredUpdateOffsets(store);
        MessageSender sender = new MessageSender(recording, new RateLimiter(1000, Duration.ofMillis(1), 1000, 3, clock),
                deadline -> { }, clock, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1));
        replies = new OutboxReplies(store, offsets, sender, wakes::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void messagesAndTheUpdateIdAreCommittedTogetherLongOnesSplitWithTheKeyboardLast() throws Exception {
        Keyboard keyboard = Keyboard.of(List.of(List.of(Button.callback("نعم", "forget:yes"))));
        String longText = ("جملة طويلة عن الأخبار. ").repeat(400);
        replies.run(77, () -> replies.atomically(() -> {
            store.botState().put("seen", "yes");
            replies.send(OutgoingMessage.of(5, Html.text("أهلاً")));
            replies.send(OutgoingMessage.of(5, Html.text(longText)).withKeyboard(keyboard));
        }));

        List<OutboxMessage> queued = store.deliveries().ofChat(5);
        assertThat(queued).hasSize(4);
        assertThat(queued.get(0).message().text()).isEqualTo("أهلاً");
        assertThat(queued.subList(0, 3)).allMatch(m -> m.message().replyMarkupJson() == null);
        assertThat(OutboxCodec.toMessage(queued.get(3).chatId(), queued.get(3).message()).keyboard()).isEqualTo(keyboard);
        assertThat(queued.stream().mapToInt(m -> new Html(m.message().text()).visibleLength()).max().orElseThrow())
                .isLessThanOrEqualTo(4096);
        assertThat(offsets.wasHandled(77)).isTrue();
        assertThat(offsets.wasHandled(76)).as("recorded one by one: the intake moves the mark").isFalse();
        assertThat(wakes.get()).isEqualTo(1);
    }

    @Test
    void aFailedStepLeavesNoTraceButTheButtonIsStillAnsweredAndTheUpdateCounted() throws Exception {
        replies.run(78, () -> {
            assertThatThrownBy(() -> replies.atomically(() -> {
                store.botState().put("half", "done");
                replies.send(OutgoingMessage.of(5, Html.text("Saved!")));
                replies.answer(new CallbackAnswer("cb1", "Saved", false));
                replies.edit(new MessageEdit(5, 3, Html.text("changed"), Keyboard.NONE));
                replies.afterCommit(() -> sentDirectly.add("hook"));
                throw new IllegalStateException("the disk is full");
            })).hasMessage("the disk is full");
            replies.send(OutgoingMessage.of(5, Html.text("Sorry")));
        });

        assertThat(store.botState().get("half")).isEmpty();
        assertThat(store.deliveries().ofChat(5)).extracting(m -> m.message().text()).containsExactly("Sorry");
        assertThat(sentDirectly).containsExactly(CallbackAnswer.silent("cb1"));
        assertThat(offsets.wasHandled(78)).isTrue();
    }

    @Test
    void editsGoBeforeTheButtonsAnswerAndAfterTheCommit() throws Exception {
        replies.run(79, () -> replies.atomically(() -> {
            replies.answer(new CallbackAnswer("cb2", "Saved", false));
            replies.edit(new MessageEdit(5, 3, Html.text("changed"), Keyboard.NONE));
            replies.afterCommit(() -> sentDirectly.add("hook saw " + offsets.wasHandled(79)));
            assertThat(sentDirectly).isEmpty();
        }));
        assertThat(sentDirectly).hasSize(3);
        assertThat(sentDirectly.get(0)).isEqualTo("hook saw true");
        assertThat(sentDirectly.get(1)).isInstanceOf(MessageEdit.class);
        assertThat(sentDirectly.get(2)).isInstanceOf(CallbackAnswer.class);
        assertThat(wakes.get()).as("nothing was enqueued").isZero();
    }

    @Test
    void repliesOutsideATurnAreAMistake() {
        assertThatThrownBy(() -> replies.send(OutgoingMessage.of(5, Html.text("x"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCodecKeepsTextKeyboardAndPreview() {
        Keyboard keyboard = Keyboard.of(List.of(List.of(Button.callback("✕ سوريا", "unsub:12"),
                Button.link("BBC", "https://www.bbc.com/arabic")), List.of(Button.callback("Cancel", "unsub:x"))));
        OutgoingMessage message = new OutgoingMessage(9, Html.trusted("<b>اشتراكاتك</b> &amp; more"), keyboard, true);
        OutboxMessage stored = new OutboxMessage(1, 9, OutboxCodec.toRow(message), OutboxMessage.State.PENDING, 0,
                java.time.Instant.EPOCH, null, null, java.time.Instant.EPOCH);
        assertThat(OutboxCodec.toMessage(stored.chatId(), stored.message())).isEqualTo(message);
        assertThat(OutboxCodec.keyboardJson(Keyboard.NONE)).isNull();
    }
}
