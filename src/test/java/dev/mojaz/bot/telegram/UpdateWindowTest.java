package dev.mojaz.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class UpdateWindowTest {
    @Test
    void theMarkPassesAnUpdateOnlyWhenItAndEveryEarlierOneIsDone() {
        UpdateWindow window = new UpdateWindow(100);
        assertThat(window.receive(101)).isTrue();
        assertThat(window.receive(103)).isTrue(); // 102 does not exist: Telegram's ids may skip
        assertThat(window.receive(104)).isTrue();

        window.done(104);
        window.done(103);
        assertThat(window.mark()).as("101 is still in hand").isEqualTo(100);
        assertThat(window.inHand()).isEqualTo(1);

        window.done(101);
        assertThat(window.mark()).isEqualTo(104);
        assertThat(window.inHand()).isZero();
        assertThat(window.finished()).isEqualTo(3);
    }

    @Test
    void anUpdateHandedAgainIsNotTakenTwice() {
        UpdateWindow window = new UpdateWindow(0);
        assertThat(window.receive(5)).isTrue();
        assertThat(window.receive(6)).isTrue();
        window.done(6);

        assertThat(window.receive(5)).as("in hand").isFalse();
        assertThat(window.receive(6)).as("done, above the mark").isFalse();
        window.done(5);
        assertThat(window.receive(5)).as("at the mark").isFalse();
        window.done(5);
        assertThat(window.finished()).as("done once").isEqualTo(2);
    }
}
