package dev.mojaz.bench.extract;

import java.util.List;

/**
 * Pages that are valid HTML but built to make an extractor slow: nesting tens of thousands of levels deep, tags that
 * are never closed, and a list of hundreds of thousands of items. Each is well under the fetcher's 5 MB body cap and
 * holds one paragraph of prose, which a good extractor still finds. They are generated rather than stored: a few lines
 * of code instead of megabytes of fixtures.
 */
public final class HostilePages {

    /** The one paragraph of article text each page holds. */
    public static final String PROSE = "The council met on Tuesday, after a delay of three weeks, to agree the budget"
            + " for the schools, the roads and the library; the vote was close, and the mayor said the town would"
            + " review the figures again in the spring.";

    private static final String PARAGRAPH = "<p>" + PROSE + "</p>";

    /** One generated page: a short name for reports, and its markup. */
    public record Page(String name, String html) {
    }

    private HostilePages() {
    }

    /** Every shape, in the order reports list them. */
    public static List<Page> all() {
        return List.of(deepDivs(60_000), unclosedDivSpans(50_000), nestedTables(20_000), nestedFigures(20_000),
                longList(300_000));
    }

    /** {@code depth} nested {@code <div>}s, properly closed, with the paragraph at the bottom. */
    public static Page deepDivs(int depth) {
        return page(depth / 1000 + "k nested divs", "<div>".repeat(depth) + PARAGRAPH + "</div>".repeat(depth));
    }

    /** {@code depth} pairs of {@code <div><span>} that are never closed: each pair nests inside the one before. */
    public static Page unclosedDivSpans(int depth) {
        return page(depth / 1000 + "k unclosed div+span", "<div><span>".repeat(depth) + PARAGRAPH);
    }

    /** {@code depth} tables, each in the single cell of the one around it. */
    public static Page nestedTables(int depth) {
        return page(depth / 1000 + "k nested tables",
                "<table><tr><td>".repeat(depth) + PARAGRAPH + "</td></tr></table>".repeat(depth));
    }

    /**
     * {@code depth} nested {@code <figure>}s, each holding the next in a {@code <div>}: a cleaner that looks for a
     * figure among the ancestors of every block it judges walks the whole depth once per block.
     */
    public static Page nestedFigures(int depth) {
        return page(depth / 1000 + "k nested figures",
                "<figure><div>".repeat(depth) + PARAGRAPH + "</div></figure>".repeat(depth));
    }

    /** A paragraph, then one flat list of {@code items} short items, then the paragraph again. */
    public static Page longList(int items) {
        StringBuilder html = new StringBuilder(items * 16).append(PARAGRAPH).append("<ul>");
        for (int i = 0; i < items; i++) {
            html.append("<li>").append(i).append("</li>");
        }
        return page(items / 1000 + "k-item list", html.append("</ul>").append(PARAGRAPH).toString());
    }

    private static Page page(String name, String body) {
        return new Page(name, "<!DOCTYPE html><html><head><title>" + name + "</title></head><body>" + body
                + "</body></html>");
    }
}
