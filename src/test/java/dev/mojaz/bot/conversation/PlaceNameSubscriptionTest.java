package dev.mojaz.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.bot.fake.FakeTelegramServer.SentMessage;
import dev.mojaz.match.SubscriptionIndex;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A person whose Telegram is in English subscribes to a place by its English name and gets the Arabic news. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class PlaceNameSubscriptionTest extends ConversationTestBase {

    @Test
    void anEnglishPlaceNameFindsArabicNewsAndListSaysHow() throws Exception {
        SentMessage done = ask(JOHN_CHAT, JOHN, "/subscribe Egypt");
        assertThat(done.visibleText()).contains("Egypt");

        assertThat(ask(JOHN_CHAT, JOHN, "/list").visibleText()).contains("1. Egypt («Egypt = مصر»)");
        assertThat(bot.live.match("", "قال الرئيس المصري إن", "sana"))
                .extracting(SubscriptionIndex.Hit::chatId).containsExactly(JOHN.id());
        assertThat(bot.live.match("", "وصل الوفد إلى تونس", "sana")).isEmpty();
    }
}
