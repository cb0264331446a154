package dev.mojaz.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Seed articles as news pages and feeds, for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A seed article from the classpath. */
    public static String seed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/mojaz/samples/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Filler a rewriting editor adds to a lead, and words swapped in for others. */
    private static final List<String> REWORDING = List.of("بدورها", "كذلك", "مؤكدة", "أيضا", "الأحد", "حسبما",
            "أفادت", "مصادر", "رسمية", "اليوم");

    /**
     * The same story as another site carries it: its own dateline, a lead reworded (a phrase added in front, every
     * fourth word changed), the original's promotion lines gone and the site's own boilerplate added.
     */
    public static String republished(String text) {
        List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
        lines.removeIf(l -> l.contains("تابعوا") || l.contains("تابعونا") || l.startsWith("http") || l.contains("اشتراك"));
        int lead = 0;
        while (lines.get(lead).split(" ").length < 15) {
            lead++;
        }
        String[] words = lines.get(lead).split(" ");
        for (int i = 3; i < words.length; i += 4) {
            words[i] = REWORDING.get(i % REWORDING.size());
        }
        lines.set(lead, "في تطور جديد على هذا الصعيد، " + String.join(" ", words));
        if (lead > 0) {
            lines.set(0, "موسكو - (وكالات)");
        }
        lines.add("اقرأ أيضاً: آخر المستجدات على الساحة الدولية");
        lines.add("شارك هذا الخبر عبر فيسبوك وتويتر");
        lines.add("جميع الحقوق محفوظة © 2026");
        return String.join("\n\n", lines);
    }


    /** The body paragraphs of a text: its non-blank lines. */
    public static List<String> paragraphs(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A right-to-left news page: menu, the article's paragraphs, a related list, a footer; with a rel=canonical when
     * {@code canonical} is not null.
     */
    public static String articlePage(String title, List<String> paragraphs, String canonical) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(title)).append(" - موقع الأخبار</title>");
        if (canonical != null) {
            html.append("<link rel=\"canonical\" href=\"").append(canonical).append("\">");
        }
        html.append("</head><body><header><nav><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/politics\">سياسة</a></li>")
                .append("</ul></nav></header><main><article><h1>").append(escape(title)).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        html.append("</article><aside><h2>أخبار ذات صلة</h2><ul><li><a href=\"/x\">خبر آخر</a></li></ul></aside></main>")
                .append("<footer>جميع الحقوق محفوظة</footer></body></html>");
        return html.toString();
    }

    /** An RSS 2.0 feed of {@code items}. */
    public static String rss(String title, List<Item> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(escape(title)).append("</title><link>https://example.test/</link><description>d</description>\n");
        for (Item item : items) {
            xml.append("<item><title>").append(escape(item.title())).append("</title><link>").append(escape(item.link()))
                    .append("</link>");
            if (item.guid() != null) {
                xml.append("<guid isPermaLink=\"false\">").append(escape(item.guid())).append("</guid>");
            }
            if (item.description() != null) {
                xml.append("<description>").append(escape(item.description())).append("</description>");
            }
            xml.append("<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** One RSS item; guid and description may be null. */
    public record Item(String title, String link, String guid, String description) {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** {@code n} items linking to {@code base}/many/i. */
    public static List<Item> manyItems(String base, int n) {
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item("خبر " + i, base + "/many/" + i, "many-" + i, "نص الخبر رقم " + i + "."));
        }
        return items;
    }
}
