package dev.mojaz.bot.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake's own protocol behaviour, seen with a plain HTTP client. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fast")
class FakeTelegramServerTest {
    private final FakeTelegramServer server = FakeTelegramServer.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode call(String method, String body) throws Exception {
        return callAsync(method, body).get(60, TimeUnit.SECONDS);
    }

    private CompletableFuture<JsonNode> callAsync(String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/bot" + server.token() + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                return json.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void getUpdatesWaitsForAnUpdateAndAnOffsetConfirmsIt() throws Exception {
        CompletableFuture<JsonNode> poll = callAsync("getUpdates", "{\"timeout\": 60}");
        FakeUser user = FakeUser.arabic(1, "هدى");
        int id = server.sendText(FakeChat.privateWith(user), user, "/start");

        JsonNode first = poll.get(60, TimeUnit.SECONDS);
        assertThat(first.get("result").get(0).get("update_id").asInt()).isEqualTo(id);
        assertThat(first.get("result").get(0).at("/message/entities/0/type").asText()).isEqualTo("bot_command");
        assertThat(call("getUpdates", "{\"offset\": " + id + "}").get("result")).hasSize(1);
        assertThat(call("getUpdates", "{\"offset\": " + (id + 1) + "}").get("result")).isEmpty();
        assertThat(server.unconfirmedUpdates()).isZero();
    }

    @Test
    void aNewerPollEndsAnOlderOneWithConflict() throws Exception {
        CompletableFuture<JsonNode> older = callAsync("getUpdates", "{\"timeout\": 60}");
        server.awaitWaitingPoll();
        JsonNode newer = call("getUpdates", "{\"timeout\": 0}");
        assertThat(newer.get("ok").asBoolean()).isTrue();
        JsonNode ended = older.get(60, TimeUnit.SECONDS);
        assertThat(ended.get("error_code").asInt()).isEqualTo(409);
    }

    @Test
    void closingEndsAWaitingPollAtOnce() throws Exception {
        CompletableFuture<JsonNode> poll = callAsync("getUpdates", "{\"timeout\": 600}");
        server.awaitWaitingPoll();
        server.close();
        // either the poll is answered empty, or its connection closes: it does not hang for ten minutes
        try {
            poll.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException closedUnderIt) {
            assertThat(closedUnderIt).hasRootCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void wrongTokensAndUnknownMethodsAnswerLikeTelegram() throws Exception {
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(server.baseUri() + "/bot1:nope/getMe"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(wrong, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("description").asText()).isEqualTo("Unauthorized");
        assertThat(call("sendSticker", "{}").get("error_code").asInt()).isEqualTo(404);
    }
}
