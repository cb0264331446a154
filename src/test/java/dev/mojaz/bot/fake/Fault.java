package dev.mojaz.bot.fake;

import java.time.Duration;

/**
 * A failure the fake server answers one request with, as Telegram (or a proxy in front of it) would.
 *
 * @param status      HTTP status and Telegram error_code
 * @param description Telegram's description; for {@link #badGateway()} the HTML page sent instead of JSON
 * @param retryAfter  parameters.retry_after, or null
 * @param migrateTo   parameters.migrate_to_chat_id, or null
 * @param delay       how long to wait before answering (a slow answer); the request then proceeds normally
 *                    when {@code status} is 0
 * @param notJson     answer with an HTML page rather than Telegram's JSON
 */
public record Fault(int status, String description, Integer retryAfter, Long migrateTo, Duration delay, boolean notJson) {
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null, Duration.ZERO, false);
    }

    public static Fault serverError() {
        return new Fault(500, "Internal Server Error", null, null, Duration.ZERO, false);
    }

    /** A proxy's 502 page: not Telegram's JSON at all. */
    public static Fault badGateway() {
        return new Fault(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", null, null,
                Duration.ZERO, true);
    }

    /** Answers normally, but only after {@code delay}. */
    public static Fault slow(Duration delay) {
        return new Fault(0, "", null, null, delay, false);
    }

    public static Fault error(int status, String description) {
        return new Fault(status, description, null, null, Duration.ZERO, false);
    }

    public static Fault blocked() {
        return error(403, "Forbidden: bot was blocked by the user");
    }

    public static Fault deactivated() {
        return error(403, "Forbidden: user is deactivated");
    }

    public static Fault chatNotFound() {
        return error(400, "Bad Request: chat not found");
    }

    public static Fault kicked() {
        return error(403, "Forbidden: bot was kicked from the group chat");
    }

    public static Fault writeForbidden() {
        return error(400, "Bad Request: CHAT_WRITE_FORBIDDEN");
    }

    public static Fault migrated(long toChatId) {
        return new Fault(400, "Bad Request: group chat was upgraded to a supergroup chat", null, toChatId, Duration.ZERO, false);
    }

    boolean onlyDelays() {
        return status == 0;
    }
}
