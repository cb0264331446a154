package dev.mojaz.app;

import dev.mojaz.bot.command.CommandMenu;
import dev.mojaz.bot.conversation.Conversation;
import dev.mojaz.bot.telegram.CommandMenuRegistrar;
import dev.mojaz.bot.telegram.IntakePause;
import dev.mojaz.bot.telegram.LongPollingIntake;
import dev.mojaz.bot.telegram.TelegramChatAdmins;
import dev.mojaz.bot.telegram.TelegramConnection;
import dev.mojaz.bot.telegram.TelegramException;
import dev.mojaz.bot.telegram.TelegramFiles;
import dev.mojaz.bot.telegram.TelegramGateway;
import dev.mojaz.bot.telegram.WebhookIntake;
import dev.mojaz.common.Sleeper;
import dev.mojaz.config.MojazConfig;
import dev.mojaz.config.TelegramConfig;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.domain.Storage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}: the bot behind the Bot API. Starts, in order: the connection (getMe checks the token), the application
 * and its loops, the command menus, the updates (long polling, or the webhook with its secret token), and the optional
 * {@code /healthz} endpoint. {@link #close()} stops them in the reverse order: no more updates, no more polls, the
 * sends on the wire finish and are recorded (the others wait in the outbox), then the connection closes. The store
 * and the sources belong to the caller, who closes them last.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final MojazConfig config;
    private final Storage store;
    private final Sources sources;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String token;
    private final String webhookSecret;

    private TelegramConnection connection;
    private BotApplication application;
    /** The long-polling intake while this instance is the elected update reader (set by the election's thread). */
    private final AtomicReference<LongPollingIntake> polling = new AtomicReference<>();
    private UpdateReaderElection election;
    private WebhookIntake webhook;
    private HealthServer health;

    /**
     * @param sleeper       waits for send slots ({@link Sleeper#system}; tests move a fake clock)
     * @param token         the bot token ({@code MOJAZ_TELEGRAM_TOKEN})
     * @param webhookSecret the webhook's secret token ({@code MOJAZ_TELEGRAM_WEBHOOK_SECRET}); only for webhook mode
     */
    public TelegramBot(MojazConfig config, Storage store, Sources sources, Clock clock, Sleeper sleeper, String token,
                       String webhookSecret) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.token = Objects.requireNonNull(token, "token");
        this.webhookSecret = webhookSecret;
    }

    /**
     * Connects and starts everything.
     *
     * @throws TelegramException when Telegram cannot be reached or refuses the token (nothing is left running)
     */
    public synchronized void start(BotApplication.Schedule schedule) throws TelegramException, IOException {
        TelegramConfig telegram = config.telegram();
        if (telegram.usesWebhook() && !WebhookIntake.isValidSecret(webhookSecret)) {
            throw new IllegalArgumentException("webhook mode needs MOJAZ_TELEGRAM_WEBHOOK_SECRET: 1-256 of A-Z a-z 0-9 _ and -");
        }
        try {
            connection = new TelegramConnection(telegram.apiUrl(), token, telegram.requestTimeout(), telegram.pollTimeout());
            TelegramGateway gateway = new TelegramGateway(connection.client());
            TelegramGateway.BotIdentity me = gateway.whoAmI();
            log.info("connected to {} as @{}", telegram.apiUrl().getHost(), me.username());
            application = new BotApplication(config, store, sources, gateway, new RateLimiter(telegram.limits(), clock),
                    sleeper, clock, me.username(), new TelegramChatAdmins(connection.client()),
                    new TelegramFiles(connection));
            application.start(schedule);
            new CommandMenuRegistrar(connection.client(), new CommandMenu(application.texts())).register(telegram.admins());
            Conversation conversation = application.conversation();
            if (telegram.usesWebhook()) {
                TelegramConfig.Webhook hook = telegram.webhook();
                webhook = new WebhookIntake(connection, hook.url(), new InetSocketAddress(hook.bind(), hook.port()),
                        webhookSecret, conversation.updateOffsets(), conversation, clock);
                webhook.start();
                application.roles().updates(InstanceRoles.Updates.WEBHOOK);
            } else {
                // Several instances may run on one database; one of them, elected, polls Telegram for updates.
                TelegramConnection polled = connection;
                election = new UpdateReaderElection(store.sessionLock("update-reader"),
                        new UpdateReaderElection.Reader() {
                            @Override
                            public void start() throws TelegramException {
                                LongPollingIntake intake = new LongPollingIntake(polled, conversation.updateOffsets(),
                                        conversation, telegram.retry().backoff(), clock, telegram.updateWorkers(),
                                        sleeper);
                                polling.set(intake);
                                intake.start();
                            }

                            @Override
                            public void stop() {
                                LongPollingIntake intake = polling.getAndSet(null);
                                if (intake != null) {
                                    intake.close();
                                }
                            }
                        }, application.roles());
                election.start();
            }
            if (config.health().port() > 0) {
                InstanceRoles roles = application.roles();
                health = HealthServer.start(config.health(), () -> HealthReport.check(store, sources.catalog().all(),
                        config.health(), clock, intakePause(), Optional.of(roles)));
            }
        } catch (TelegramException | IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The application inside (for tests and the health report). */
    public synchronized Optional<BotApplication> application() {
        return Optional.ofNullable(application);
    }

    /** Whether the intake holds updates back because the store keeps failing (long polling only). */
    public Optional<IntakePause> intakePause() {
        LongPollingIntake intake = polling.get();
        return intake == null ? Optional.empty() : intake.pause();
    }

    /** Whether this instance is the one reading updates now (long polling: elected; webhook: always). */
    public synchronized boolean readsUpdates() {
        return webhook != null || election != null && election.reading();
    }

    /** The webhook's local address, in webhook mode. */
    public synchronized Optional<InetSocketAddress> webhookAddress() {
        return Optional.ofNullable(webhook).map(WebhookIntake::address);
    }

    /** The health endpoint's local address, when it runs. */
    public synchronized Optional<InetSocketAddress> healthAddress() {
        return Optional.ofNullable(health).map(HealthServer::address);
    }

    /** Stops everything this started, in reverse order; idempotent. */
    @Override
    public synchronized void close() {
        if (health != null) {
            health.close();
            health = null;
        }
        if (election != null) {
            election.close(); // stops the intake if this instance read the updates, and frees the turn at once
            election = null;
        }
        if (webhook != null) {
            webhook.close();
            webhook = null;
        }
        if (application != null) {
            application.close();
            application = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
