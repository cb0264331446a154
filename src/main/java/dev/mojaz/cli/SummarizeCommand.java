package dev.mojaz.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractedPage;
import dev.mojaz.ingest.summary.Summarizer;
import dev.mojaz.ingest.summary.Summary;
import dev.mojaz.ingest.summary.SummaryLength;
import dev.mojaz.text.BoilerplateFilter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code summarize}: the article's best sentences, exactly as written, one per line in article order; or, with
 * {@code --jsonl}, one JSON summary per input line, in input order, in one process. A bad line gives its own
 * {@code {"id", "error"}} line and the batch goes on.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Summarise an article in a few of its own sentences, one per line, in article order.",
                "With --jsonl, read one JSON object a line ({\"id\", \"text\", \"title\"?, \"words\"?, \"sentences\"?}) "
                        + "and write one {\"id\", \"sentences\"} (or {\"id\", \"error\"}) a line, in input order."})
public final class SummarizeCommand implements Callable<Integer> {
    private static final String NO_SENTENCE =
            "no sentence to summarise (the text is only headings, boilerplate or fragments)";

    /** Output formats of a single summary. */
    enum Format { text, json }

    @Mixin
    ConfigOption config;

    @Option(names = "--words", paramLabel = "N",
            description = "Target length in words: sentences are taken in rank order until N words are reached "
                    + "(the last one may pass N).")
    Integer words;

    @Option(names = "--sentences", paramLabel = "N", description = "Exactly N sentences (fewer if the article has fewer).")
    Integer sentences;

    @Option(names = "--title", paramLabel = "T",
            description = "The headline, used for ranking (default: the text's first line when it is a heading).")
    String title;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one sentence a line) or json ({\"sentences\": [...]}). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--jsonl", description = "Batch mode: JSON lines in, JSON lines out, in one process.")
    boolean jsonl;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|URL|-",
            description = "The article: a text or HTML file, an http(s) URL, or - for standard input (the default)."
                    + " A page (HTML) has its article text extracted first.")
    String input;

    private final CliContext context;
    private final PageLoader pages;
    private final ObjectMapper json = new ObjectMapper();

    public SummarizeCommand(CliContext context) {
        this(context, PageLoader.fetching(context));
    }

    /** @param pages fetches articles given as URLs (their article text is extracted here) */
    public SummarizeCommand(CliContext context, PageLoader pages) {
        this.context = Objects.requireNonNull(context, "context");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    @Override
    public Integer call() throws IOException {
        SummaryLength requested = requestedLength(words, sentences, "--");
        Summarizer summarizer = new Summarizer(config.load(context).summary());
        if (jsonl) {
            if (title != null) {
                throw new UsageException("--title does not go with --jsonl: give each line its own \"title\"");
            }
            return batch(summarizer, requested);
        }
        String text;
        String articleTitle = title;
        String name;
        if (isUrl(input)) {
            ExtractedPage page = extract(parseUrl(input));
            text = page.text();
            name = input;
            if (articleTitle == null && !page.title().isBlank()) {
                articleTitle = page.title();
            }
        } else {
            byte[] bytes = InputText.bytes(context, input);
            name = InputText.name(input);
            if (InputText.looksLikeHtml(input, bytes)) {
                // A saved page: its article text, as for a URL, never its markup read as one long sentence.
                ExtractedPage page = new ArticleExtractor(BoilerplateFilter.standard()).extract(bytes, null, null);
                if (!page.hasText()) {
                    throw new UsageException(name + ": an HTML page without article text");
                }
                text = page.text();
                if (articleTitle == null && !page.title().isBlank()) {
                    articleTitle = page.title();
                }
            } else {
                InputText read = InputText.decode(bytes, name);
                if (read.warning() != null) {
                    context.err().println("mojaz summarize: warning: " + read.warning());
                }
                text = read.text();
            }
        }
        if (text.isBlank()) {
            throw new UsageException(name + ": the text is empty");
        }
        SummaryLength length = requested != null ? requested : summarizer.defaultLength();
        Summary summary = summarizer.summarize(articleTitle, text, length);
        if (summary.isEmpty()) {
            throw new UsageException(name + ": " + NO_SENTENCE);
        }
        try (Writer out = writer()) {
            if (format == Format.json) {
                ObjectNode node = json.createObjectNode();
                ArrayNode list = node.putArray("sentences");
                summary.sentences().forEach(list::add);
                out.write(json.writeValueAsString(node));
                out.write('\n');
            } else {
                for (String sentence : summary.sentences()) {
                    out.write(sentence);
                    out.write('\n');
                }
            }
        }
        return ExitCode.OK;
    }

    /** Batch mode: one output line per input line, in order; a bad line gets an error line and the batch goes on. */
    private int batch(Summarizer summarizer, SummaryLength defaultRequested) throws IOException {
        int lines = 0;
        int failed = 0;
        try (BufferedReader reader = batchReader(); Writer out = writer()) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines++;
                ObjectNode result = summarizeLine(summarizer, line, defaultRequested);
                if (result.has("error")) {
                    failed++;
                }
                out.write(json.writeValueAsString(result));
                out.write('\n');
                out.flush();
            }
        }
        if (failed > 0) {
            context.err().println("mojaz summarize: " + failed + " of " + lines + " lines failed (see their \"error\")");
        }
        return ExitCode.OK;
    }

    private ObjectNode summarizeLine(Summarizer summarizer, String line, SummaryLength defaultRequested) {
        ObjectNode result = json.createObjectNode();
        JsonNode node;
        try {
            node = line.isBlank() ? null : json.readTree(line);
        } catch (JsonProcessingException e) {
            result.set("id", NullNode.getInstance());
            result.put("error", "not valid JSON: " + e.getOriginalMessage());
            return result;
        }
        if (node == null || !node.isObject()) {
            result.set("id", NullNode.getInstance());
            result.put("error", node == null ? "empty line" : "expected a JSON object");
            return result;
        }
        JsonNode id = node.get("id");
        result.set("id", id == null ? NullNode.getInstance() : id);
        try {
            JsonNode text = node.get("text");
            if (text == null || !text.isTextual()) {
                throw new UsageException("\"text\" is missing or not a string");
            }
            if (text.asText().isBlank()) {
                throw new UsageException("\"text\" is empty");
            }
            JsonNode lineTitle = node.get("title");
            if (lineTitle != null && !lineTitle.isTextual() && !lineTitle.isNull()) {
                throw new UsageException("\"title\" is not a string");
            }
            SummaryLength length = requestedLength(positive(node, "words"), positive(node, "sentences"), "\"");
            if (length == null) {
                length = defaultRequested != null ? defaultRequested : summarizer.defaultLength();
            }
            Summary summary = summarizer.summarize(lineTitle == null ? null : lineTitle.asText(null), text.asText(), length);
            if (summary.isEmpty()) {
                throw new UsageException(NO_SENTENCE);
            }
            ArrayNode list = result.putArray("sentences");
            summary.sentences().forEach(list::add);
        } catch (RuntimeException e) {
            // One bad line never stops the batch: whatever went wrong is that line's error.
            result.remove("sentences");
            result.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return result;
    }

    private static Integer positive(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new UsageException("\"" + field + "\" must be a whole number");
        }
        return value.intValue();
    }

    /**
     * The length asked for, or null for the default. {@code quote} styles the option names in messages: "--" for
     * the command line, "\"" for JSON fields.
     */
    private static SummaryLength requestedLength(Integer words, Integer sentences, String quote) {
        String w = quote.equals("--") ? "--words" : "\"words\"";
        String s = quote.equals("--") ? "--sentences" : "\"sentences\"";
        if (words != null && sentences != null) {
            throw new UsageException("give " + w + " or " + s + ", not both");
        }
        if (words != null) {
            if (words < 1) {
                throw new UsageException(w + " must be a positive number (was " + words + ")");
            }
            return SummaryLength.words(words);
        }
        if (sentences != null) {
            if (sentences < 1) {
                throw new UsageException(s + " must be a positive number (was " + sentences + ")");
            }
            return SummaryLength.sentences(sentences);
        }
        return null;
    }

    private BufferedReader batchReader() throws IOException {
        InputStream in;
        if (input == null || input.equals("-")) {
            in = context.in();
        } else if (isUrl(input)) {
            throw new UsageException(input + ": --jsonl reads a file or standard input, not a URL");
        } else {
            Path path = context.resolve(input);
            if (Files.isDirectory(path)) {
                throw new UsageException(input + ": is a directory, not a file");
            }
            try {
                in = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new UsageException(input + ": no such file");
            }
        }
        // Replacement, not failure, on bad bytes: the line's JSON parse or its summary will show the damage, and the
        // other lines go on.
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** UTF-8 whatever the platform's default: summaries are Arabic. */
    private Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(new NonClosing(context.out()), StandardCharsets.UTF_8));
    }

    static boolean isUrl(String argument) {
        if (argument == null) {
            return false;
        }
        String lower = argument.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static URI parseUrl(String argument) {
        try {
            URI uri = new URI(argument);
            if (uri.getHost() == null) {
                throw new UsageException(argument + ": not a valid URL (no host)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(argument + ": not a valid URL: " + e.getReason());
        }
    }

    /** Lets a writer be closed (flushed) without closing the process's standard output. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Fetches the page and keeps its article text; a page without any is a failure naming the URL. */
    private ExtractedPage extract(URI url) throws IOException {
        PageLoader.Page loaded = pages.load(url);
        ExtractedPage page = new ArticleExtractor(BoilerplateFilter.standard())
                .extract(loaded.body(), loaded.contentType(), loaded.url());
        if (!page.hasText()) {
            throw new IOException(url + ": no article text found on the page");
        }
        return page;
    }
}
