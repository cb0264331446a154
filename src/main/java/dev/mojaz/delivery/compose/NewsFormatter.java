package dev.mojaz.delivery.compose;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import dev.mojaz.domain.Article;
import dev.mojaz.domain.ArticleRepository.StoredArticle;
import dev.mojaz.domain.Chat;
import dev.mojaz.domain.NewMessage;
import dev.mojaz.html.Html;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.Msg;
import dev.mojaz.i18n.Texts;
import dev.mojaz.match.QueryWording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes alerts and digests in the chat's language, from the bot's bundles ({@code alert.item}, {@code digest.*}):
 * Telegram HTML with everything that came from the web escaped, the article's link as an anchor on its title.
 */
public final class NewsFormatter {
    private static final Html SEPARATOR = Html.text("\n\n");
    /** Where a summary is missing, this much of the article's first paragraph stands in. */
    private static final int FALLBACK_SUMMARY = 300;

    /**
     * One article of a digest.
     *
     * @param label   the query (or source name) it matched, the heading it goes under
     * @param article the article
     */
    public record Item(String label, StoredArticle article) {
        public Item {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(article, "article");
        }
    }

    private final Texts texts;
    private final Language fallback;
    private final Function<String, String> sourceNames;
    private final MessageSplitter splitter;

    /**
     * @param fallback    the language of a chat whose stored language Mojaz does not speak
     * @param sourceNames a source's id to the name people see (the id itself when unknown)
     */
    public NewsFormatter(Texts texts, Language fallback, Function<String, String> sourceNames) {
        this(texts, fallback, sourceNames, MessageSplitter.forMessages());
    }

    NewsFormatter(Texts texts, Language fallback, Function<String, String> sourceNames, MessageSplitter splitter) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.sourceNames = Objects.requireNonNull(sourceNames, "sourceNames");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
    }

    /** The chat's language, or the fallback. */
    public Language language(Chat chat) {
        return Language.fromCode(chat.settings().language()).orElse(fallback);
    }

    /**
     * The alert for one article: the query it matched, the title linking to the article, the summary (as many of its
     * sentences as the chat chose), the source's name.
     */
    public OutgoingMessage alert(Chat chat, StoredArticle stored, String label) {
        Article article = stored.article();
        Html text = texts.html(language(chat), Msg.ALERT_ITEM, Map.of(
                "query", QueryWording.of(label, language(chat).code()),
                "link", titleLink(article),
                "summary", summary(article, chat.settings().summarySentences()),
                "source", sourceNames.apply(article.sourceId())));
        return OutgoingMessage.of(chat.id(), text).withLinkPreview(chat.settings().linkPreviews());
    }

    /** {@link #alert} as an outbox row. */
    public NewMessage alertRow(Chat chat, StoredArticle stored, String label) {
        return OutboxCodec.toRow(alert(chat, stored, label));
    }

    /**
     * The digest of {@code items} (newest first is not required; they are sorted here): one story once, at most
     * {@code maxItems} of the newest, grouped under the query they matched (groups ordered by their newest article),
     * newest first in each group, and cut into messages of at most 4096 characters between items. Empty when there
     * are no items.
     *
     * @param now when the digest is made (its date in the header)
     */
    public List<OutgoingMessage> digest(Chat chat, List<Item> items, int maxItems, Instant now) {
        List<Item> chosen = choose(items, maxItems);
        if (chosen.isEmpty()) {
            return List.of();
        }
        Language language = language(chat);
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : chosen) {
            groups.computeIfAbsent(item.label(), label -> new ArrayList<>()).add(item);
        }
        List<MessageSplitter.Block> blocks = new ArrayList<>();
        blocks.add(MessageSplitter.Block.heading(texts.html(language, Msg.DIGEST_HEADER,
                Map.of("date", date(language, chat, now), "count", chosen.size()))));
        for (Map.Entry<String, List<Item>> group : groups.entrySet()) {
            blocks.add(MessageSplitter.Block.heading(texts.html(language, Msg.DIGEST_GROUP, Map.of("query",
                    QueryWording.of(group.getKey(), language.code())))));
            for (Item item : group.getValue()) {
                Article article = item.article().article();
                blocks.add(MessageSplitter.Block.item(texts.html(language, Msg.DIGEST_ITEM, Map.of(
                        "link", titleLink(article),
                        "summary", summary(article, chat.settings().summarySentences()),
                        "source", sourceNames.apply(article.sourceId()),
                        "time", time(language, chat, article.time(), now)))));
            }
        }
        // Room for "(continued, part 2 of 3)" at the top of every message after the first.
        int reserve = texts.html(language, Msg.DIGEST_CONTINUED, Map.of("part", 99, "parts", 99)).visibleLength()
                + SEPARATOR.visibleLength();
        List<Html> parts = new MessageSplitter(splitter.limit() - reserve).split(blocks, SEPARATOR);
        List<OutgoingMessage> messages = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Html part = parts.get(i);
            if (i > 0) {
                part = Html.concat(texts.html(language, Msg.DIGEST_CONTINUED, Map.of("part", i + 1, "parts", parts.size())),
                        SEPARATOR, part);
            }
            messages.add(OutgoingMessage.of(chat.id(), part).withLinkPreview(false));
        }
        return messages;
    }

    /** "Nothing new since your last digest", for {@code digest.send-empty}. */
    public OutgoingMessage emptyDigest(Chat chat) {
        return OutgoingMessage.of(chat.id(), texts.html(language(chat), Msg.DIGEST_EMPTY));
    }

    /** One article per story (the newest), the newest {@code maxItems}, newest first. */
    public static List<Item> choose(List<Item> items, int maxItems) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> {
            int byTime = b.article().article().time().compareTo(a.article().article().time());
            return byTime != 0 ? byTime : Long.compare(b.article().id(), a.article().id());
        });
        Set<Long> stories = new HashSet<>();
        List<Item> chosen = new ArrayList<>();
        for (Item item : sorted) {
            if (chosen.size() >= maxItems) {
                break;
            }
            if (stories.add(item.article().storyId())) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    private static Html titleLink(Article article) {
        String title = article.title().isBlank() ? article.url().getHost() : article.title().strip();
        return Html.link(article.url().toString(), title);
    }

    /** The first {@code sentences} sentences of the stored summary, as written. */
    static Html summary(Article article, int sentences) {
        List<String> summary = article.summary();
        if (summary.isEmpty()) {
            String first = article.text().strip().split("\n\\s*\n", 2)[0].strip();
            if (first.length() > FALLBACK_SUMMARY) {
                first = first.substring(0, FALLBACK_SUMMARY).strip() + "…";
            }
            return Html.text(first);
        }
        return Html.text(String.join(" ", summary.subList(0, Math.min(sentences, summary.size()))));
    }

    private static String date(Language language, Chat chat, Instant now) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, language.locale());
        format.setTimeZone(TimeZone.getTimeZone(chat.settings().timeZone().getId()));
        return format.format(Date.from(now));
    }

    /** The time of day, with the day too when it is not today's (in the chat's zone). */
    private static String time(Language language, Chat chat, Instant at, Instant now) {
        boolean today = at.atZone(chat.settings().timeZone()).toLocalDate()
                .equals(now.atZone(chat.settings().timeZone()).toLocalDate());
        DateFormat format = today ? DateFormat.getTimeInstance(DateFormat.SHORT, language.locale())
                : DateFormat.getInstanceForSkeleton("MMMdjmm", language.locale());
        format.setTimeZone(TimeZone.getTimeZone(chat.settings().timeZone().getId()));
        return format.format(Date.from(at));
    }
}
