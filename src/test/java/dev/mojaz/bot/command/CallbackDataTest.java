package dev.mojaz.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mojaz.delivery.compose.Button;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class CallbackDataTest {
    @Test
    void prefixAndPayloadRoundTrip() {
        CallbackData data = CallbackData.of("unsub", "1234567");
        assertThat(data.encoded()).isEqualTo("unsub:1234567");
        assertThat(CallbackData.parse("unsub:1234567")).contains(data);
        assertThat(CallbackData.parse("close")).contains(CallbackData.of("close", ""));
        assertThat(CallbackData.parse("Not Ours!")).isEmpty();
    }

    @Test
    void sixtyFourBytesIsTheLimitAndArabicTakesTwoBytesALetter() {
        assertThat(CallbackData.of("q", "س".repeat(31)).encoded()).hasSize(33); // 2 + 62 bytes
        assertThatThrownBy(() -> CallbackData.of("q", "س".repeat(32))).hasMessageContaining("66 bytes");
        assertThatThrownBy(() -> Button.callback("x", "a".repeat(65))).hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> CallbackData.of("Bad", "")).hasMessageContaining("prefix");
    }
}
