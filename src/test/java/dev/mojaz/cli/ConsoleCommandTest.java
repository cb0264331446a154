package dev.mojaz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mojaz.app.ConsoleSession;
import dev.mojaz.app.SampleSite;
import dev.mojaz.config.StoreConfig;
import dev.mojaz.domain.ChatKind;
import dev.mojaz.domain.ChatSettings;
import dev.mojaz.store.SqlStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code console} and {@code run} without a token: a scripted chat over the bundled sample articles. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class ConsoleCommandTest {
    @TempDir
    Path dir;

    @Test
    void aScriptedSessionPrintsEachReplyInOrderAndExits() {
        CliRunner.Result result = new CliRunner(dir).runWithInput("/start\n/help\n/frobnicate\n", "console");

        assertThat(result.exitCode()).isZero();
        String out = result.out();
        int start = out.indexOf("أهلاً ضيف!");
        int help = out.indexOf("ما أستطيع فعله\n");
        int unknown = out.indexOf("لا أعرف الأمر /frobnicate");
        assertThat(out.indexOf("› /start")).isZero();
        assertThat(start).isGreaterThan(0).isLessThan(out.indexOf("› /help"));
        assertThat(help).isGreaterThan(out.indexOf("› /help")).isLessThan(out.indexOf("› /frobnicate"));
        assertThat(unknown).isGreaterThan(out.indexOf("› /frobnicate"));
        assertThat(result.err()).contains("Mojaz console").contains("publishes its 5 sample articles one at a time")
                .contains("type a button's number");
    }

    @Test
    void aSessionResumedOverTheSameStoreAnswersItsFirstLine() {
        Path file = dir.resolve("kept.db");
        CliRunner.Result first = new CliRunner(dir).runWithInput("/start\n/subscribe سوريا\n", "console", "--store",
                file.toString());
        assertThat(first.exitCode()).isZero();

        CliRunner.Result second = new CliRunner(dir).runWithInput("/list\n/lang\n2\n", "console", "--store",
                file.toString());
        assertThat(second.exitCode()).isZero();
        String out = second.out();
        assertThat(out.indexOf("سوريا", out.indexOf("› /list"))).as(out).isLessThan(out.indexOf("› /lang"))
                .isGreaterThan(0);
        assertThat(out).contains("[1] العربية  [2] English").contains("From now on I will speak English.");
    }

    @Test
    void englishOnRequest() {
        CliRunner.Result result = new CliRunner(dir).runWithInput("/help\n", "console", "--lang", "en");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("What I can do");
    }

    @Test
    void aSubscribedChatSeesAlertsAsTheSampleFeedPublishes() {
        Path file = dir.resolve("console.db");
        try (SqlStorage store = SqlStorage.open(new StoreConfig(file.toString(), 30), dir, Clock.systemUTC())) {
            store.chats().register(ConsoleSession.PERSON_ID, ChatKind.PRIVATE, "ضيف",
                    ChatSettings.defaults("ar", ZoneId.of("Asia/Damascus")).withDigestHours(List.of()));
            store.subscriptions().add(ConsoleSession.PERSON_ID, "سوريا", null, 50);
        }
        CliRunner.Result result = new CliRunner(dir).runWithInput("/help\n/start\n", "console", "--store",
                file.toString());

        assertThat(result.exitCode()).isZero();
        List<SampleSite.Sample> samples = SampleSite.load();
        String out = result.out();
        int first = out.indexOf("🔔 سوريا");
        assertThat(first).as(out).isGreaterThan(out.indexOf("ما أستطيع فعله"));
        assertThat(out.indexOf(samples.get(0).title(), first)).isGreaterThan(first);
        assertThat(out).contains(SampleSite.SOURCE_NAME).contains("/articles/" + samples.get(0).slug() + ".html)");
        int second = out.indexOf("🔔 سوريا", first + 1);
        assertThat(second).as("the second line published the second sample").isGreaterThan(out.indexOf("› /start"));
        assertThat(out.indexOf(samples.get(1).title(), second)).isGreaterThan(second);
    }

    @Test
    void runWithoutATokenAtATerminalIsTheConsoleAndSaysSo() {
        CliRunner.Result result = new CliRunner(dir, Map.of(), Clock.systemUTC()).atATerminal()
                .runWithInput("/start\n", "run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("MOJAZ_TELEGRAM_TOKEN is not set, so this is the console");
        assertThat(result.out()).contains("أهلاً ضيف!");
    }

    @Test
    void aBadLanguageIsAUsageError() {
        CliRunner.Result result = new CliRunner(dir).runWithInput("", "console", "--lang", "fr");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--lang must be ar or en");
    }
}
