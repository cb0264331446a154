package dev.mojaz.config;

import dev.mojaz.common.Backoff;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How Mojaz talks to Telegram. The bot token is a secret and is read only from the environment
 * ({@code MOJAZ_TELEGRAM_TOKEN}), never from this file.
 *
 * @param apiUrl          Bot API base URL; a self-hosted Bot API server or a test server can stand in for Telegram
 * @param admins          chat ids allowed to use the admin commands
 * @param requestTimeout  longest one Bot API call (sendMessage, editMessageText…) may take before it counts as a
 *                        transient failure and is retried
 * @param pollTimeout     how long one getUpdates long poll waits for news before Telegram answers with nothing
 * @param linkPreviews    whether Telegram shows a preview of the first link in a message
 * @param defaultLanguage interface language ({@code ar} or {@code en}) when Telegram gives no language code, as
 *                        for channel posts
 * @param limits          sending and request rates
 * @param retry           back-off for transient failures (5xx, network)
 * @param mode            how updates arrive: {@code long-polling} (getUpdates; works anywhere) or {@code webhook}
 *                        (Telegram posts them to {@code webhook.url}; needs a public HTTPS address)
 * @param webhook         the webhook's public URL and local port; its secret token comes only from the environment
 *                        ({@code MOJAZ_TELEGRAM_WEBHOOK_SECRET})
 * @param senderThreads   messages in flight to Telegram at once; each waits for its slot within {@code limits}, so
 *                        more threads only help when Telegram answers slowly
 * @param updateWorkers   updates of different chats handled at the same time (one chat's are always handled in
 *                        order); handling waits on the database and Telegram far more than on the CPU
 * @param summaryWorkers  links being summarised at the same time, in the background (one chat's one after another);
 *                        mostly waiting on the sites, each fetch within {@code fetch.total-timeout}. 0 makes each
 *                        summary on the thread that handles the message, as before background summaries (kept only
 *                        as the baseline of {@code bench replies} and for the console)
 */
public record TelegramConfig(
        URI apiUrl,
        List<Long> admins,
        Duration requestTimeout,
        Duration pollTimeout,
        boolean linkPreviews,
        String defaultLanguage,
        Limits limits,
        Retry retry,
        String mode,
        Webhook webhook,
        int senderThreads,
        int updateWorkers,
        int summaryWorkers) {

    private static final Set<String> LANGUAGES = Set.of("ar", "en");
    /** Updates by getUpdates. */
    public static final String LONG_POLLING = "long-polling";
    /** Updates posted by Telegram to {@code webhook.url}. */
    public static final String WEBHOOK = "webhook";

    public TelegramConfig {
        Check.required("api-url", apiUrl);
        apiUrlProblem(apiUrl).ifPresent(problem -> {
            throw new InvalidValueException("api-url", problem);
        });
        admins = List.copyOf(Check.noNulls("admins", admins));
        Check.positive("request-timeout", requestTimeout);
        Check.positive("poll-timeout", pollTimeout);
        if (pollTimeout.compareTo(Duration.ofSeconds(100)) > 0) {
            throw new InvalidValueException("poll-timeout", "must be at most 100s (was " + pollTimeout + ")");
        }
        Check.notBlank("default-language", defaultLanguage);
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new InvalidValueException("default-language", "must be ar or en (was '" + defaultLanguage + "')");
        }
        Check.required("limits", limits);
        Check.required("retry", retry);
        Check.notBlank("mode", mode);
        if (!mode.equals(LONG_POLLING) && !mode.equals(WEBHOOK)) {
            throw new InvalidValueException("mode", "must be long-polling or webhook (was '" + mode + "')");
        }
        Check.required("webhook", webhook);
        if (mode.equals(WEBHOOK) && webhook.url() == null) {
            throw new InvalidValueException("webhook.url", "is required when mode is webhook");
        }
        Check.range("sender-threads", senderThreads, 1, 256);
        Check.range("update-workers", updateWorkers, 1, 64);
        Check.range("summary-workers", summaryWorkers, 0, 64);
    }

    /**
     * Why {@code apiUrl} cannot be a Bot API server's address, or empty when it can: it must be http or https with a
     * host, and nothing after the port (TelegramBots puts {@code /bot<token>/} right after it, so a path would be
     * dropped). Checked when the configuration is read, so a wrong URL is a configuration error, not a failed start.
     */
    public static Optional<String> apiUrlProblem(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
            return Optional.of("must be an absolute http or https URL (was '" + apiUrl + "')");
        }
        String path = apiUrl.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || apiUrl.getRawQuery() != null) {
            return Optional.of("must be scheme, host and port only, such as https://api.telegram.org (was '"
                    + apiUrl + "')");
        }
        return Optional.empty();
    }

    /** Whether updates come by webhook rather than long polling. */
    public boolean usesWebhook() {
        return mode.equals(WEBHOOK);
    }

    /**
     * Where Telegram posts updates in webhook mode.
     *
     * @param url  the public HTTPS URL Telegram posts to (set with setWebhook); its path is the path served locally,
     *             usually behind a reverse proxy that terminates TLS; null when not used
     * @param port the local port the webhook server listens on
     * @param bind the local address it listens on
     */
    public record Webhook(URI url, int port, String bind) {
        public Webhook {
            if (url != null && (url.getScheme() == null || url.getHost() == null
                    || !(url.getScheme().equals("https") || url.getScheme().equals("http")))) {
                throw new InvalidValueException("url", "must be an absolute https URL (was '" + url + "')");
            }
            Check.range("port", port, 1, 65_535);
            Check.notBlank("bind", bind);
        }

        /** The path Telegram posts to, as the local server serves it. */
        public String path() {
            String path = url == null ? null : url.getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }
    }

    /**
     * Telegram's flood limits as Mojaz keeps them, and the per-person limit on summaries asked for on demand.
     *
     * @param messagesPerSecond     messages a second across all chats (Telegram: about 30)
     * @param chatInterval          least time between two messages to one chat (Telegram: about one a second)
     * @param groupMessagesPerMinute messages a minute to one group or channel (Telegram: 20)
     * @param globalPauseAfter      when this many different chats get a 429 within one second, the wait is applied
     *                              to every chat rather than only to those chats
     * @param summariesPerPerson    summaries of links one person may ask for within {@code summaryWindow}
     * @param summaryWindow         the window for {@code summariesPerPerson}
     */
    public record Limits(
            int messagesPerSecond,
            Duration chatInterval,
            int groupMessagesPerMinute,
            int globalPauseAfter,
            int summariesPerPerson,
            Duration summaryWindow) {
        public Limits {
            Check.range("messages-per-second", messagesPerSecond, 1, 100_000);
            Check.positive("chat-interval", chatInterval);
            Check.range("group-messages-per-minute", groupMessagesPerMinute, 1, 10_000);
            Check.range("global-pause-after", globalPauseAfter, 1, 1_000);
            Check.range("summaries-per-person", summariesPerPerson, 1, 10_000);
            Check.positive("summary-window", summaryWindow);
        }
    }

    /**
     * Exponential back-off for transient failures: the n-th retry waits {@code firstDelay × 2^(n-1)}, at most
     * {@code maxDelay}; after {@code maxAttempts} attempts the failure is handed back to the caller (the outbox
     * keeps the message for later).
     */
    public record Retry(Duration firstDelay, Duration maxDelay, int maxAttempts) {
        public Retry {
            Check.positive("first-delay", firstDelay);
            Check.positive("max-delay", maxDelay);
            if (maxDelay.compareTo(firstDelay) < 0) {
                throw new InvalidValueException("max-delay", "must not be shorter than first-delay (was " + maxDelay + ")");
            }
            Check.range("max-attempts", maxAttempts, 1, 100);
        }

        /** These settings as the back-off the sender and the intake follow. */
        public Backoff backoff() {
            return new Backoff(firstDelay, maxDelay, maxAttempts);
        }
    }
}
