package dev.mojaz.bot.conversation;

import dev.mojaz.bot.chat.Incoming;
import dev.mojaz.bot.chat.Person;
import dev.mojaz.bot.command.Context;
import dev.mojaz.bot.command.ParsedCommand;
import dev.mojaz.bot.command.RequestThrottle;
import dev.mojaz.common.Sleeper;
import dev.mojaz.delivery.compose.Keyboard;
import dev.mojaz.delivery.compose.OutgoingMessage;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.Storage;
import dev.mojaz.domain.SummaryRequest;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractedPage;
import dev.mojaz.ingest.extract.ExtractionCache;
import dev.mojaz.ingest.feed.Links;
import dev.mojaz.ingest.http.FetchException;
import dev.mojaz.ingest.http.FetchRequest;
import dev.mojaz.ingest.http.FetchResponse;
import dev.mojaz.ingest.http.HttpFetcher;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.ingest.summary.Summary;
import dev.mojaz.ingest.summary.SummaryLength;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Summaries on demand: /summary with a link, a link sent in a private chat, a forwarded post, or a long text pasted
 * in. Links are fetched through the application's {@link HttpFetcher}, so every fetch limit and the SSRF guard
 * apply (a private or local address is refused unless {@code fetch.allow-private-addresses}); each failure is
 * named politely. Each person may ask for {@code telegram.limits.summaries-per-person} summaries in
 * {@code summary-window} ({@link RequestThrottle}); past that they are told when to try again.
 *
 * <p>A link's summary is made in the background ({@link SummaryQueue}): the person is told "working on it" at once,
 * in the turn that handles the message, and gets the summary (or a clear failure) when it is ready, so a slow page
 * never holds up the answers to anyone else. A page still in the extraction cache is answered at once. With no
 * summary workers ({@code telegram.summary-workers: 0}) the page is fetched in the turn itself, as before
 * background summaries: outside any transaction (the database's one writer must not wait on a fetch), the reply
 * committed with the update id once the summary is made.
 */
final class Summaries implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final ExtractionCache extracted;
    private final Summarizer summarizer;
    private final RequestThrottle throttle;
    private final ChatRegistry chats;
    private final int defaultSentences;
    private final int minTextSentences;
    private final Texts texts;
    private final OutboxReplies replies;
    /** Null when summaries are made in the turn ({@code summary-workers: 0}). */
    private final SummaryQueue queue;

    /** What a summary needs besides the fetcher and the texts: limits, the chats' settings, where replies go. */
    record Setup(RequestThrottle throttle, ChatRegistry chats, int defaultSentences, int minTextSentences,
                 int workers, OutboxReplies replies, Storage store, Sleeper sleeper, Clock clock) {
    }

    Summaries(HttpFetcher fetcher, ArticleExtractor extractor, ExtractionCache extracted, Summarizer summarizer,
              Texts texts, Setup setup) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.extracted = Objects.requireNonNull(extracted, "extracted");
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.throttle = Objects.requireNonNull(setup.throttle(), "throttle");
        this.chats = Objects.requireNonNull(setup.chats(), "chats");
        this.defaultSentences = setup.defaultSentences();
        this.minTextSentences = setup.minTextSentences();
        this.replies = Objects.requireNonNull(setup.replies(), "replies");
        this.queue = setup.workers() == 0 ? null : new SummaryQueue(setup.store(), replies, setup.workers(),
                setup.sleeper(), setup.clock(), this::answer, this::gaveUp);
    }

    /** Makes the summaries asked for before a restart and not yet answered; returns how many. */
    int resume() {
        return queue == null ? 0 : queue.resume();
    }

    void summaryCommand(ParsedCommand command, Context context) throws InterruptedException {
        Optional<String> link = context.incoming() instanceof Incoming.Message m && !m.links().isEmpty()
                ? Optional.of(m.links().get(0)) : Optional.empty();
        if (link.isEmpty() && command.hasArguments()) {
            link = Optional.of(command.arguments().split("\\s+", 2)[0]);
        }
        if (link.isEmpty()) {
            context.reply(Msg.SUMMARY_ASK);
            return;
        }
        summariseLink(link.get(), context);
    }

    /**
     * The summary of the article at {@code link}, or a polite word on why there is none: at once when the page is
     * at hand, otherwise "working on it" now and the summary from the background.
     */
    void summariseLink(String link, Context context) throws InterruptedException {
        Optional<URI> url = parse(link);
        if (url.isEmpty()) {
            context.reply(Msg.SUMMARY_BAD_LINK, Map.of("text", Say.shorten(link, 200)));
            return;
        }
        if (throttled(context)) {
            return;
        }
        if (queue == null || extracted.getIfPresent(url.get()).isPresent()) {
            context.send(answer(url.get(), context.chat().id(), context.language()));
            return;
        }
        replies.atomically(() -> {
            context.reply(Msg.SUMMARY_WORKING);
            queue.add(context.chat().id(), url.get().toString(), context.language().code());
        });
    }

    /** The answer to a stored request, in the language of the person who asked. */
    private OutgoingMessage answer(SummaryRequest request) {
        return answer(URI.create(request.url()), request.chatId(), language(request));
    }

    /** The answer to a request made too often without an answer. */
    private OutgoingMessage gaveUp(SummaryRequest request) {
        return new OutgoingMessage(request.chatId(), texts.html(language(request), Msg.SUMMARY_FAILED), Keyboard.NONE,
                false);
    }

    private static Language language(SummaryRequest request) {
        return Language.fromCode(request.language()).orElse(Language.AR);
    }

    /** Fetches, extracts and summarises the page: its summary, or the word on why there is none. */
    private OutgoingMessage answer(URI url, long chatId, Language language) {
        ExtractedPage page;
        try {
            page = page(url);
        } catch (FetchException e) {
            return plain(chatId, texts.html(language, message(e)));
        }
        Optional<Chat> chat = chats.find(chatId);
        Summary summary = page.hasText() ? summarizer.summarize(page.title(), page.text(), length(chat)) : null;
        if (summary == null || summary.isEmpty()) {
            return plain(chatId, texts.html(language, Msg.SUMMARY_NOT_ARTICLE));
        }
        URI shown = page.canonicalUrl() != null ? page.canonicalUrl() : url;
        String title = page.title().isBlank() ? shown.toString() : page.title();
        Html text = texts.html(language, Msg.SUMMARY_RESULT, Map.of("link", Html.link(shown.toString(), title),
                "summary", Html.text(summary.text()), "source", site(shown)));
        boolean previews = chat.map(c -> c.settings().linkPreviews()).orElse(false);
        return new OutgoingMessage(chatId, text, Keyboard.NONE, previews);
    }

    private static OutgoingMessage plain(long chatId, Html text) {
        return new OutgoingMessage(chatId, text, Keyboard.NONE, false);
    }

    /**
     * A summary of text sent without a link, if it is long enough to be worth one ({@code bot.text-summary-min-
     * sentences}); false (and nothing said) when it is not.
     */
    boolean summariseText(String text, Context context) throws InterruptedException {
        if (summarizer.rank(null, text).ranked().size() < minTextSentences) {
            return false;
        }
        if (throttled(context)) {
            return true;
        }
        Summary summary = summarizer.summarize(null, text, length(chats.find(context.chat().id())));
        if (summary.isEmpty()) {
            return false;
        }
        context.reply(Msg.SUMMARY_TEXT_RESULT, Map.of("summary", Html.text(summary.text())));
        return true;
    }

    private boolean throttled(Context context) throws InterruptedException {
        long who = context.from().map(Person::id).orElse(context.chat().id());
        Optional<Duration> wait = throttle.tryAcquire(who);
        if (wait.isEmpty()) {
            return false;
        }
        long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
        // "in an hour", not "in 60 minutes": from an hour on, the wait is said in whole hours (rounded up)
        context.reply(Msg.SUMMARY_RATE_LIMITED, minutes < 60 ? Map.of("unit", "minutes", "count", minutes)
                : Map.of("unit", "hours", "count", (minutes + 59) / 60));
        return true;
    }

    private ExtractedPage page(URI url) throws FetchException {
        Optional<ExtractedPage> cached = extracted.getIfPresent(url);
        if (cached.isPresent()) {
            return cached.get();
        }
        FetchResponse response = fetcher.fetch(FetchRequest.page(url));
        ExtractedPage page = looksLikePage(response.contentType())
                ? extractor.extract(response.body(), response.contentType(), response.finalUrl())
                : new ExtractedPage(url, url, "", null, null, null, java.util.List.of());
        extracted.put(url, page);
        return page;
    }

    /** HTML, XHTML or an unlabelled answer; not a PDF, an image or a feed. */
    private static boolean looksLikePage(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("html") || type.startsWith("text/plain");
    }

    private SummaryLength length(Optional<Chat> chat) {
        int sentences = chat.map(c -> c.settings().summarySentences()).orElse(defaultSentences);
        SummaryLength standard = summarizer.defaultLength();
        int perSentence = standard.maxCharacters() > 0 && standard.sentences() > 0
                ? standard.maxCharacters() / standard.sentences() : 0;
        SummaryLength length = SummaryLength.sentences(sentences);
        return perSentence > 0 ? length.capped(perSentence * sentences) : length;
    }

    /** Stops the background summaries; unfinished ones are made after the restart. */
    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
    }

    static Msg message(FetchException e) {
        return switch (e.kind()) {
            case BLOCKED -> Msg.SUMMARY_PRIVATE_ADDRESS;
            case TOO_LARGE -> Msg.SUMMARY_TOO_LARGE;
            case TIMEOUT -> Msg.SUMMARY_TIMEOUT;
            case BAD_URL -> Msg.SUMMARY_FAILED;
            case HTTP_STATUS -> e.status() == 404 || e.status() == 410 ? Msg.SUMMARY_NOT_FOUND : Msg.SUMMARY_FAILED;
            default -> Msg.SUMMARY_FAILED;
        };
    }

    /** A link as people send it: with or without {@code https://}, with spaces or Arabic in it. */
    static Optional<URI> parse(String link) {
        String text = link.strip();
        if (text.isEmpty() || text.contains(" ")) {
            return Optional.empty();
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        return Links.resolve(null, text).filter(u -> u.getHost() != null);
    }

    /** The site's name as the address shows it: {@code www.} dropped. */
    private static String site(URI url) {
        String host = url.getHost() == null ? url.toString() : url.getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
