package dev.mojaz.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mojaz.ingest.extract.ArticleExtractor;
import dev.mojaz.ingest.extract.ExtractedPage;
import dev.mojaz.text.BoilerplateFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code extract}: the main text of one page (a file, a URL or standard input), or of every page in a folder with
 * {@code --batch}. Input is raw HTML bytes in any charset, gzip-compressed when the name ends in {@code .gz}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print the main text of an HTML page, paragraphs separated by one blank line.",
                "With --batch IN_DIR OUT_DIR: for each file IN_DIR/NAME write OUT_DIR/NAME.txt (NAME is the whole"
                        + " file name, so page.html.gz gives page.html.gz.txt); a page that fails is reported and"
                        + " skipped, and the exit code is 1 when any failed."})
public final class ExtractCommand implements Runnable {
    /** Largest page read, compressed or not: beyond it a file is refused rather than exhausting memory. */
    static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

    private final CliContext context;
    private final PageLoader loader;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (default) or json (adds title, byline, published, language, canonical URL).")
    String format;

    @Option(names = "--url", paramLabel = "URL",
            description = "The page's address, for resolving its canonical link when the input is a file.")
    String url;

    @Option(names = "--batch", description = "Extract every file of IN_DIR into OUT_DIR.")
    boolean batch;

    @Parameters(arity = "0..2", paramLabel = "FILE|URL|-",
            description = "The page: a file, an http(s) URL, or - (standard input, the default).")
    List<String> inputs = new ArrayList<>();

    public ExtractCommand(CliContext context) {
        this(context, PageLoader.fetching(context));
    }

    public ExtractCommand(CliContext context, PageLoader loader) {
        this.context = Objects.requireNonNull(context, "context");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public void run() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        ArticleExtractor extractor = new ArticleExtractor(BoilerplateFilter.standard());
        if (batch) {
            if (inputs.size() != 2) {
                throw new UsageException("--batch needs two folders: IN_DIR OUT_DIR");
            }
            if (url != null) {
                throw new UsageException("--url names one page; it cannot be used with --batch");
            }
            int failed = runBatch(extractor, context.resolve(inputs.get(0)), context.resolve(inputs.get(1)));
            if (failed > 0) {
                throw new BatchFailure(failed + " page(s) failed; the others were written");
            }
            return;
        }
        if (inputs.size() > 1) {
            throw new UsageException("one page at a time (or --batch IN_DIR OUT_DIR): got " + inputs.size() + " inputs");
        }
        String input = inputs.isEmpty() ? "-" : inputs.get(0);
        ExtractedPage page = extractOne(extractor, input);
        if (!page.hasText()) {
            throw new NoArticleException("no article text found in " + (input.equals("-") ? "standard input" : input));
        }
        PrintStream out = context.out();
        out.print(render(page));
        out.flush();
    }

    private ExtractedPage extractOne(ArticleExtractor extractor, String input) {
        URI base = url == null ? null : parseUrl(url, "--url");
        if (input.startsWith("http://") || input.startsWith("https://")) {
            URI address = parseUrl(input, "the URL");
            PageLoader.Page page;
            try {
                page = loader.load(address);
            } catch (IOException e) {
                throw new IllegalStateException("cannot fetch " + address + ": " + e.getMessage(), e);
            }
            return extractor.extract(page.body(), page.contentType(), base != null ? base : page.url());
        }
        byte[] bytes;
        try {
            if (input.equals("-")) {
                bytes = readLimited(context.in(), "standard input");
            } else {
                Path file = context.resolve(input);
                bytes = readPage(file);
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + input);
        } catch (IOException e) {
            throw new UsageException("cannot read " + input + ": " + e.getMessage(), e);
        }
        return extractor.extract(bytes, null, base);
    }

    private int runBatch(ArticleExtractor extractor, Path in, Path out) {
        if (!Files.isDirectory(in)) {
            throw new UsageException("not a folder: " + in);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create the output folder " + out + ": " + e.getMessage(), e);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(in)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + in + ": " + e.getMessage(), e);
        }
        String suffix = format.equals("json") ? ".json" : ".txt";
        int failed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                ExtractedPage page = extractor.extract(readPage(file), null, null);
                if (!page.hasText()) {
                    throw new NoArticleException("no article text found");
                }
                Files.writeString(out.resolve(name + suffix), render(page), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                failed++;
                context.err().println("mojaz extract: skipped " + name + ": " + oneLine(e));
            }
        }
        context.err().printf(Locale.ROOT, "mojaz extract: %d of %d pages extracted into %s%n", files.size() - failed,
                files.size(), out);
        return failed;
    }

    private String render(ExtractedPage page) {
        if (format.equals("text")) {
            return page.text() + "\n";
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("url", page.url() == null ? null : page.url().toString());
        node.put("canonical_url", page.canonicalUrl() == null ? null : page.canonicalUrl().toString());
        node.put("title", page.title());
        node.put("byline", page.byline());
        node.put("published", page.published() == null ? null : page.published().toString());
        node.put("language", page.language());
        node.put("text", page.text());
        ArrayNode paragraphs = node.putArray("paragraphs");
        page.paragraphs().forEach(paragraphs::add);
        return node.toPrettyString() + "\n";
    }

    /** The bytes of a page file, decompressed when its name ends in .gz; at most {@link #MAX_PAGE_BYTES}. */
    static byte[] readPage(Path file) throws IOException {
        if (Files.size(file) > MAX_PAGE_BYTES) {
            throw new IOException("larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB");
        }
        byte[] raw = Files.readAllBytes(file);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return raw;
        }
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return readLimited(gz, "the decompressed page");
        } catch (ZipException e) {
            throw new IOException("not valid gzip: " + e.getMessage(), e);
        }
    }

    private static byte[] readLimited(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_PAGE_BYTES + 1);
        if (bytes.length > MAX_PAGE_BYTES) {
            throw new IOException(what + " is larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB");
        }
        return bytes;
    }

    private static URI parseUrl(String text, String what) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new UsageException(what + " must be an absolute http(s) URL: " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(what + " is not a valid URL: " + text);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }

    /** The page was read but holds no article text (a home page, an error page): exit code 1. */
    static final class NoArticleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoArticleException(String message) {
            super(message);
        }
    }

    /** Some pages of a batch failed (each was reported): exit code 1. */
    static final class BatchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchFailure(String message) {
            super(message);
        }
    }
}
