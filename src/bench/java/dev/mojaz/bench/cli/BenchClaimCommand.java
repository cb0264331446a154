package dev.mojaz.bench.cli;

import dev.mojaz.bench.store.ClaimBenchmark;
import dev.mojaz.cli.CliContext;
import dev.mojaz.cli.ExitCode;
import dev.mojaz.cli.UsageException;
import dev.mojaz.config.ConfigLoader;
import dev.mojaz.config.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench claim}: the cost of one outbox claim at growing backlogs, on SQLite and on PostgreSQL. */
@Command(name = "claim", mixinStandardHelpOptions = true,
        description = {"Fill the outbox with N waiting messages and time claims of the sender's size: the claim now, "
                + "and as it was before its indexes (same rows, same run). SQLite in a temporary file always; "
                + "PostgreSQL too with --postgres (or MOJAZ_STORE_URL), in a schema of its own that is dropped after."})
public final class BenchClaimCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "1000,100000,1000000",
            description = "Waiting messages (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--claims", paramLabel = "N", defaultValue = "20",
            description = "Claims timed per size; the median is reported (default: ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "30",
            description = "Messages per claim: the sender's prefetch (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
            description = "A PostgreSQL database to measure on too, e.g. jdbc:postgresql://127.0.0.1/mojaz?user=mojaz "
                    + "(password from MOJAZ_STORE_PASSWORD); default: MOJAZ_STORE_URL when set.")
    String postgres;

    @Option(names = "--skip-sqlite", description = "Measure PostgreSQL only.")
    boolean skipSqlite;

    public BenchClaimCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 10_000_000) || claims < 1 || claims > 1000
                || limit < 1 || limit > 1000) {
            throw new UsageException("--sizes must be 1-10000000 each, --claims 1-1000, --limit 1-1000");
        }
        for (int size : sizes) {
            if ((long) claims * limit > size) {
                throw new UsageException("--claims x --limit (" + claims * limit + ") must not pass a size (" + size
                        + "): every claim must find a full batch");
            }
        }
        String url = postgres != null ? postgres : context.environment().get(ConfigLoader.ENV_STORE_URL);
        if (url != null && StoreConfig.urlProblem(url).isPresent()) {
            throw new UsageException("--postgres: " + StoreConfig.urlProblem(url).get());
        }
        if (skipSqlite && url == null) {
            throw new UsageException("--skip-sqlite leaves nothing to measure without --postgres");
        }
        ClaimBenchmark.Options options = new ClaimBenchmark.Options(sizes, claims, limit);
        List<ClaimBenchmark.Result> results = new ArrayList<>();
        if (!skipSqlite) {
            results.addAll(onSqlite(options));
        }
        if (url != null) {
            results.addAll(onPostgresql(url, options));
        }
        context.out().println("median of " + claims + " claims of " + limit + " messages each; 'before' is the claim"
                + " without the indexes of schema version 10 (the query of version 2), on the same rows");
        ClaimBenchmark.lines(results).forEach(context.out()::println);
        return ExitCode.OK;
    }

    private List<ClaimBenchmark.Result> onSqlite(ClaimBenchmark.Options options) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("mojaz-bench-claim");
        try {
            StoreConfig config = new StoreConfig(dir.resolve("bench.db").toString(), 30);
            ClaimBenchmark.Target target = new ClaimBenchmark.Target("SQLite", "jdbc:sqlite:" + dir.resolve("bench.db"),
                    new Properties(), config, dir);
            return ClaimBenchmark.run(target, options, this::progress);
        } finally {
            try (Stream<Path> tree = Files.walk(dir)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private List<ClaimBenchmark.Result> onPostgresql(String url, ClaimBenchmark.Options options) throws SQLException {
        String schema = "mojaz_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Properties credentials = new Properties();
        String password = context.environment().get(ConfigLoader.ENV_STORE_PASSWORD);
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection admin = DriverManager.getConnection(url, credentials); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            StoreConfig config = new StoreConfig("unused.db", inSchema, password, 30);
            ClaimBenchmark.Target target = new ClaimBenchmark.Target("PostgreSQL", inSchema, credentials, config,
                    Path.of("."));
            return ClaimBenchmark.run(target, options, this::progress);
        } finally {
            try (Connection admin = DriverManager.getConnection(url, credentials); Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void progress(String line) {
        context.err().println("bench claim: " + line + "…");
    }
}
