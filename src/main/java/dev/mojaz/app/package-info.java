/**
 * The application: the one place where the parts are wired together and their threads started and stopped.
 *
 * <ul>
 *   <li>{@link dev.mojaz.app.BotApplication}: the bot without its Telegram connection: the subscription index, alerts,
 *       digests, the outbox and its sender, the conversation's router, and the loops that poll sources, dispatch and
 *       prune. {@link dev.mojaz.app.BotApplication#conversation} is where the conversation's handlers are plugged
 *       in.</li>
 *   <li>{@link dev.mojaz.app.TelegramBot}: {@code run}: the application over the Bot API, by long polling or
 *       webhook, with the command menus and the optional {@code /healthz} endpoint.</li>
 *   <li>{@link dev.mojaz.app.ConsoleSession}: {@code console}: the same application in a terminal, over sample
 *       articles served by {@link dev.mojaz.app.SampleSite}, with messages printed by
 *       {@link dev.mojaz.app.ConsoleGateway}.</li>
 *   <li>{@link dev.mojaz.app.HealthReport}: {@code status} and {@code /healthz}.</li>
 * </ul>
 */
package dev.mojaz.app;
