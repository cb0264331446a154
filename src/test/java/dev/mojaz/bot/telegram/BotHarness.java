package dev.mojaz.bot.telegram;

import dev.mojaz.bot.chat.UpdateOffsetStore;
import dev.mojaz.bot.command.BasicHandlers;
import dev.mojaz.bot.command.CommandMenu;
import dev.mojaz.bot.command.DirectReplies;
import dev.mojaz.bot.command.Router;
import dev.mojaz.bot.fake.FakeTelegramServer;
import dev.mojaz.common.Backoff;
import dev.mojaz.common.Sleeper;
import dev.mojaz.delivery.outbox.MessageSender;
import dev.mojaz.delivery.outbox.RateLimiter;
import dev.mojaz.i18n.Language;
import dev.mojaz.i18n.LanguagePreferences;
import dev.mojaz.i18n.LanguageResolver;
import dev.mojaz.i18n.MemoryLanguagePreferences;
import dev.mojaz.i18n.Texts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Telegram side of the bot without a store, against a fake server: the real TelegramBots client, long polling,
 * the router with the basic handlers, replies sent at once within the limits ({@link DirectReplies}, not the outbox).
 */
final class BotHarness implements AutoCloseable {
    static final long ADMIN = 4242;
    static final Texts TEXTS = Texts.load();

    final FakeTelegramServer server;
    final TelegramConnection connection;
    final TelegramGateway gateway;
    final LanguagePreferences languages = new MemoryLanguagePreferences();
    final UpdateOffsetStore offsets;
    final LongPollingIntake intake;
    final String username;

    BotHarness(FakeTelegramServer server, UpdateOffsetStore offsets) throws Exception {
        this(server, offsets, b -> { });
    }

    BotHarness(FakeTelegramServer server, UpdateOffsetStore offsets, Consumer<Router.Builder> extra) throws Exception {
        this.server = server;
        this.offsets = offsets;
        this.connection = new TelegramConnection(server.baseUri(), server.token(), Duration.ofSeconds(30), Duration.ofSeconds(2));
        this.gateway = new TelegramGateway(connection.client());
        this.username = gateway.whoAmI().username();
        Clock clock = Clock.systemUTC();
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 3);
        MessageSender sender = new MessageSender(gateway,
                new RateLimiter(1000, Duration.ofMillis(1), 1000, 3, clock), Sleeper.system(clock), clock, backoff);
        Router.Builder router = Router.builder()
                .botUsername(username)
                .admins(List.of(ADMIN))
                .languages(new LanguageResolver(languages, Language.AR))
                .texts(TEXTS)
                .replies(new DirectReplies(sender));
        new BasicHandlers(languages, "08:00", "Asia/Damascus").registerWith(router);
        extra.accept(router);
        new CommandMenuRegistrar(connection.client(), new CommandMenu(TEXTS)).register(List.of(ADMIN));
        this.intake = new LongPollingIntake(connection, offsets, router.build(), backoff, clock);
        intake.start();
    }

    @Override
    public void close() {
        intake.close();
        connection.close();
    }
}
