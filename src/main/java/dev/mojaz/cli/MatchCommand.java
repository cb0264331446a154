package dev.mojaz.cli;

import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.SourceConfig;
import dev.mojaz.i18n.Language;
import dev.mojaz.match.ArticleText;
import dev.mojaz.match.InvalidQueryException;
import dev.mojaz.match.MatchEngine;
import dev.mojaz.match.Query;
import dev.mojaz.match.QueryParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code match --query Q [FILE|-]}: whether one query matches one article, decided by the alerting engine itself
 * ({@link MatchEngine#matches}). Prints {@code match} or {@code no match}; both are a successful run (exit 0). A
 * query that cannot be used is a usage error (exit 2) with the parser's message.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Print 'match' or 'no match' for one query against one article (title on the first line, "
                + "text after it), decided exactly as keyword alerts are."})
public final class MatchCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Option(names = "--query", required = true, paramLabel = "Q",
            description = "The query, in the syntax people type to the bot (see README.md, Queries).")
    String query;

    @Option(names = "--source", paramLabel = "ID",
            description = "Id of the source the article came from, for queries restricted with source: "
                    + "(default: unknown, and restricted queries do not match).")
    String source;

    @Option(names = "--lang", paramLabel = "en|ar", defaultValue = "en",
            description = "Language of the message for a query that cannot be used (default: ${DEFAULT-VALUE}).")
    String language;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The article, UTF-8 (default: standard input).")
    String input;

    public MatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!language.equals("en") && !language.equals("ar")) {
            throw new UsageException("--lang must be en or ar (was '" + language + "')");
        }
        MojazConfig configuration = config.load(context);
        QueryParser parser = new QueryParser(configuration.match(),
                configuration.sources().stream().map(SourceConfig::id).toList());
        Query parsed;
        try {
            parsed = parser.parse(query);
        } catch (InvalidQueryException e) {
            throw new UsageException("query: " + e.message(Language.fromCode(language).orElseThrow()), e);
        }
        ArticleText article = ArticleText.parse(read());
        boolean matches = MatchEngine.matches(parsed, article.title(), article.text(), source);
        context.out().println(matches ? "match" : "no match");
        return ExitCode.OK;
    }

    private String read() {
        try {
            if (input == null || input.equals("-")) {
                return decode(context.in());
            }
            Path file = context.resolve(input);
            try (InputStream in = Files.newInputStream(file)) {
                return decode(in);
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(input + ": file not found");
        } catch (IOException e) {
            throw new UsageException((input == null ? "standard input" : input) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String decode(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
