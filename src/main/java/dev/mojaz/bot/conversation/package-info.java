/**
 * The conversation: every command, button and message handler, backed by the store.
 *
 * <p>{@link dev.mojaz.bot.conversation.Conversation} is the one entry point: it takes its dependencies explicitly
 * and is the {@link dev.mojaz.bot.chat.IncomingHandler} the intake calls. Each update is a turn
 * ({@link dev.mojaz.bot.conversation.OutboxReplies}): replies are enqueued in the durable outbox in the same
 * transaction as the handler's changes and the update id ({@link dev.mojaz.bot.conversation.StoredUpdateOffsets}),
 * work that waits on the network is done before that transaction, and edits and button answers are sent after it.
 * The handlers, by concern: a chat's life ({@code ChatLifecycle}: /start, /stop, /forget, /lang, /help, /digest,
 * membership, migration), what it follows ({@code Subscriptions}: /subscribe, /unsubscribe, /list, /sources),
 * {@code Settings}, {@code Summaries} (links, forwarded posts, long texts; a link's summary made in the background by
 * {@code SummaryQueue}), {@code Admin}, and {@code FreeText} for
 * everything that is not a command. {@link dev.mojaz.match.SubscriptionIndex} holds the subscriptions the
 * dispatcher matches articles with (keyword queries in the match engine, whole sources followed beside it), and the
 * conversation has it follow the store after each commit ({@link dev.mojaz.match.SubscriptionIndex#sync}); {@link dev.mojaz.bot.conversation.StoredLanguages}
 * keeps each chat's language.
 */
package dev.mojaz.bot.conversation;
