package dev.mojaz.store;

import dev.mojaz.domain.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who may use an SQLite file, kept in a sidecar file {@code FILE.lock} with two operating-system locks on it:
 * <ul>
 *   <li>the <b>owner</b> lock, held for as long as a bot ({@code run}, {@code console}) has the file open: a second
 *       bot on the same file is refused at once, before it touches the schema, with a line saying who holds it. Two
 *       bots on one file would each claim and send the same messages and race in Flyway;</li>
 *   <li>the <b>migration</b> lock, held by every opener while Flyway brings the schema up to date, so that
 *       {@code status} or {@code db prune} started beside a bot on a new file waits for the bot's migration instead of
 *       racing it ("Migration of schema main to version 1 failed").</li>
 * </ul>
 * The operating system drops both when the process ends, however it ends (SIGKILL included), so a crash never leaves
 * a stale lock behind. The owner's pid, host and start time are written into the file, for the refusal message only.
 *
 * <p>POSIX file locks belong to the process, and closing <em>any</em> channel of the file releases all of them, so
 * within one JVM every opener of a file shares one channel ({@link #open}), counted, and closed with the last user.
 */
final class SqliteFileLock implements AutoCloseable {
    // Lock regions far past the text written at the start of the file, so reading the text never touches them.
    private static final long OWNER_REGION = Long.MAX_VALUE - 2;
    private static final long MIGRATION_REGION = Long.MAX_VALUE - 1;
    /** The longest an opener waits for another process's migration. */
    static final Duration MIGRATION_WAIT = Duration.ofMinutes(2);

    /** One per lock file in this JVM. */
    private static final Map<Path, SqliteFileLock> OPEN = new HashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    /** Openers of this file in this JVM; guarded by OPEN. */
    private int users;
    /** Guarded by OPEN. */
    private boolean ownedHere;
    private FileLock ownerLock;
    /** Threads of this JVM take turns here before taking the file's migration lock. */
    private final ReentrantLock migrating = new ReentrantLock();

    private SqliteFileLock(Path lockFile, FileChannel channel) {
        this.lockFile = lockFile;
        this.channel = channel;
    }

    /** The sidecar of {@code databaseFile}: the same name with {@code .lock} added. */
    static Path lockFileOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    }

    /** Opens (or joins this JVM's use of) the lock file beside {@code databaseFile}; {@link #close} when done. */
    static SqliteFileLock open(Path databaseFile) {
        Path lockFile = lockFileOf(databaseFile.toAbsolutePath().normalize());
        synchronized (OPEN) {
            SqliteFileLock lock = OPEN.get(lockFile);
            if (lock == null) {
                try {
                    lock = new SqliteFileLock(lockFile, FileChannel.open(lockFile, StandardOpenOption.CREATE,
                            StandardOpenOption.READ, StandardOpenOption.WRITE));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
                }
                OPEN.put(lockFile, lock);
            }
            lock.users++;
            return lock;
        }
    }

    /**
     * Takes the owner lock, or refuses: {@link StoreInUseException} naming the process that holds it (in this JVM
     * or another). Released by {@link #close}.
     */
    void takeOwnership(Path databaseFile) {
        synchronized (OPEN) {
            if (ownedHere) {
                throw inUse(databaseFile, "this same process");
            }
            FileLock taken;
            try {
                taken = channel.tryLock(OWNER_REGION, 1, false);
            } catch (OverlappingFileLockException e) {
                taken = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
            if (taken == null) {
                throw inUse(databaseFile, owner());
            }
            ownerLock = taken;
            ownedHere = true;
            writeOwner();
        }
    }

    /** Runs {@code work} holding the migration lock (waiting for another process's migration to finish). */
    <T> T whileMigrating(java.util.function.Supplier<T> work) {
        long deadline = System.nanoTime() + MIGRATION_WAIT.toNanos();
        try {
            if (!migrating.tryLock(MIGRATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("waited " + MIGRATION_WAIT.toMinutes() + " min for a migration of "
                        + lockFile + " in this process to finish", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to migrate the database");
        }
        try {
            FileLock fileLock = awaitMigrationLock(deadline);
            try {
                return work.get();
            } finally {
                releaseQuietly(fileLock);
            }
        } finally {
            migrating.unlock();
        }
    }

    private FileLock awaitMigrationLock(long deadline) {
        // FileChannel.lock would wait without a limit (and uninterruptibly on some systems): poll with tryLock instead.
        long pause = 10;
        while (true) {
            try {
                FileLock lock = channel.tryLock(MIGRATION_REGION, 1, false);
                if (lock != null) {
                    return lock;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("waited " + MIGRATION_WAIT.toMinutes() + " min for another process ("
                        + owner() + ") to finish migrating the database; " + lockFile + " is still locked", null, true);
            }
            try {
                Thread.sleep(pause); // another process holds it; there is nothing to be told when it lets go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting to migrate the database");
            }
            pause = Math.min(200, pause * 2);
        }
    }

    private StoreInUseException inUse(Path databaseFile, String holder) {
        return new StoreInUseException(databaseFile + " is in use by another Mojaz process (" + holder + "); one"
                + " SQLite file serves one bot: stop the other one, give this one its own store.path, or run several"
                + " instances on PostgreSQL (store.url)");
    }

    /** What the owner wrote into the lock file, or a plain word when it wrote nothing readable. */
    private String owner() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int read = channel.read(buffer, 0);
            String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "pid unknown" : text;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private void writeOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String text = "pid " + ProcessHandle.current().pid() + " on " + host + ", started "
                + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // Only the refusal message of another process would miss it.
        }
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel is closed with the last user anyway, and that releases it.
        }
    }

    /** Gives up ownership (if this opener had it) and closes the channel with the last user in this JVM. */
    @Override
    public void close() {
        synchronized (OPEN) {
            users--;
            if (users > 0) {
                return;
            }
            OPEN.remove(lockFile);
            ownedHere = false;
            try {
                channel.close(); // releases every lock this process has on the file
            } catch (IOException e) {
                // Nothing to do: the process's end releases them too.
            }
        }
    }

    /** Releases the owner lock taken by {@link #takeOwnership} while others in this JVM keep using the file. */
    void giveUpOwnership() {
        synchronized (OPEN) {
            if (ownedHere && ownerLock != null) {
                releaseQuietly(ownerLock);
                ownerLock = null;
                ownedHere = false;
            }
        }
    }
}
