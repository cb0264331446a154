package dev.mojaz.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mojaz.bot.conversation.StoredUpdateOffsets;
import dev.mojaz.bot.fake.FakeChat;
import dev.mojaz.bot.fake.FakeTelegramServer.Call;
import dev.mojaz.bot.fake.FakeUser;
import dev.mojaz.bot.telegram.WebhookIntake;
import dev.mojaz.domain.OutboxMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How updates arrive (long polling, webhook with its secret token), and the /healthz endpoint. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class TelegramBotTest {
    private static final FakeUser HUDA = FakeUser.arabic(5001, "هدى");
    private static final String SECRET = "s3cret_Token-42";

    @TempDir
    Path dir;
    private BotRig rig;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void updatesByLongPollingAreAnsweredThroughTheOutboxAndRemembered() throws Exception {
        rig = new BotRig(dir).start();
        rig.telegram.sendText(FakeChat.privateWith(HUDA), HUDA, "/start");

        assertThat(rig.telegram.awaitSentTo(HUDA.id(), 1).get(0).visibleText()).startsWith("أهلاً هدى!");
        rig.telegram.awaitAllUpdatesConfirmed();
        rig.awaitIdle();
        assertThat(rig.outbox(HUDA.id())).singleElement().extracting(OutboxMessage::state)
                .isEqualTo(OutboxMessage.State.SENT);
        assertThat(rig.store.botState().getLong(StoredUpdateOffsets.KEY)).isPresent();
        assertThat(rig.telegram.commandNames("default", "ar")).contains("start", "digest");
    }

    @Test
    void webhookUpdatesNeedTheSecretTokenAndComeOnce() throws Exception {
        int port = freePort();
        rig = new BotRig(dir, "2026-11-20T10:00:00Z", """
                  mode: webhook
                  webhook:
                    url: http://127.0.0.1:%d/telegram/hook
                    port: %d
                    bind: 127.0.0.1
                """.formatted(port, port));
        rig.webhookSecret = SECRET;
        rig.start();

        Call setWebhook = rig.telegram.awaitCalls("setWebhook", 1).get(0);
        assertThat(setWebhook.params().path("url").asText()).isEqualTo("http://127.0.0.1:" + port + "/telegram/hook");
        assertThat(setWebhook.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(setWebhook.params().path("max_connections").asText()).isEqualTo("1");
        assertThat(rig.telegram.calls("getUpdates")).as("no long polling in webhook mode").isEmpty();

        URI hook = URI.create("http://127.0.0.1:" + port + "/telegram/hook");
        String update = """
                {"update_id": 900001, "message": {"message_id": 1, "date": 1763632800,
                 "chat": {"id": 5001, "type": "private", "first_name": "هدى"},
                 "from": {"id": 5001, "is_bot": false, "first_name": "هدى", "language_code": "ar"},
                 "text": "/help", "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}""";
        assertThat(post(hook, update, null)).isEqualTo(401);
        assertThat(post(hook, update, "wrong")).isEqualTo(401);
        assertThat(post(hook, update, SECRET)).isEqualTo(200);
        assertThat(rig.telegram.awaitSentTo(5001, 1).get(0).visibleText()).startsWith("ما أستطيع فعله");

        assertThat(post(hook, update, SECRET)).as("Telegram sending it again").isEqualTo(200);
        assertThat(post(hook, "not json", SECRET)).isEqualTo(400);
        rig.awaitIdle();
        assertThat(rig.telegram.sentTo(5001)).hasSize(1);
    }

    @Test
    void healthzServesTheReportAsJson() throws Exception {
        int port = freePort();
        rig = new BotRig(dir, "2026-11-20T10:00:00Z", """
                health:
                  port: %d
                """.formatted(port)).start();

        HttpResponse<String> before = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).as("no source read yet").isEqualTo(503);
        JsonNode report = new ObjectMapper().readTree(before.body());
        assertThat(report.path("healthy").asBoolean()).isFalse();
        assertThat(report.path("problems").get(0).asText()).contains("no source has been read");
        assertThat(report.path("sources")).hasSize(2);

        rig.publish(BotRig.WIRE, "a1", "خبر", BotRig.seed("003_3a0528656e2a16ca"));
        rig.pollAndDispatch();
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(after.body()).path("lastPoll").asText()).isEqualTo(rig.clock.instant().toString());
    }

    private int post(URI hook, String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(WebhookIntake.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
