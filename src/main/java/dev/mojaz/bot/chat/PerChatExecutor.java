package dev.mojaz.bot.chat;

import dev.mojaz.common.DaemonThreads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for chats on a fixed number of threads: one chat's work strictly in the order it was given, one piece
 * at a time; different chats' work at the same time. A chat with a long queue does not keep a thread to itself:
 * after each piece its next one goes to the back of the line, behind the other chats waiting.
 *
 * <p>{@link #close()} interrupts what runs and drops what waits (the caller knows what it handed over and did not
 * see finish), and waits a while for the threads to end.
 */
public final class PerChatExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PerChatExecutor.class);

    private final ThreadPoolExecutor threads;
    /** Each chat with work queued or running, and its queue (the running piece first); guarded by this. */
    private final Map<Long, ArrayDeque<Runnable>> queues = new HashMap<>();

    /**
     * @param name    the threads' name prefix, as thread dumps and logs show them
     * @param threads how many chats' work runs at once
     */
    public PerChatExecutor(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.numbered(name));
    }

    /**
     * Runs {@code work} after the work already given for {@code chatId}. An exception out of it is logged and the
     * chat's next piece runs.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public void execute(long chatId, Runnable work) {
        synchronized (this) {
            ArrayDeque<Runnable> queue = queues.get(chatId);
            if (queue != null) {
                queue.add(work);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(work);
            queues.put(chatId, queue);
        }
        threads.execute(() -> runNext(chatId));
    }

    private void runNext(long chatId) {
        Runnable work;
        synchronized (this) {
            work = queues.get(chatId).peek();
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            log.error("work for chat {} failed", chatId, e);
        } finally {
            boolean more;
            synchronized (this) {
                ArrayDeque<Runnable> queue = queues.get(chatId);
                queue.poll();
                more = !queue.isEmpty();
                if (!more) {
                    queues.remove(chatId);
                }
            }
            if (more) {
                try {
                    threads.execute(() -> runNext(chatId));
                } catch (RejectedExecutionException stopping) {
                    // closed: what waits is dropped, as close() says
                }
            }
        }
    }

    /** Interrupts what runs, drops what waits, and waits up to {@code grace} for the threads to end. */
    public void close(Duration grace) {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("work still running {} after it was asked to stop", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #close(Duration)} with ten seconds' grace. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
