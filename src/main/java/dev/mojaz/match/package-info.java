/**
 * Keyword alerts: the query language people type, Arabic-aware matching, and the engine that matches every new
 * article against every stored query.
 *
 * <ul>
 *   <li>{@link dev.mojaz.match.QueryParser} reads what people type into an immutable {@link dev.mojaz.match.Query};
 *       a query that cannot be used raises {@link dev.mojaz.match.InvalidQueryException}, whose message is one of
 *       the bot's texts, in Arabic and English.</li>
 *   <li>{@link dev.mojaz.match.MatchAnalyzer} is the text analysis both sides share; {@code ArabicForms} holds the
 *       rules for which written forms of an Arabic word count as that word (clitics, suffixes, spelling).</li>
 *   <li>{@link dev.mojaz.match.MatchEngine} holds the registered {@link dev.mojaz.match.SubscriptionQuery}s and
 *       returns those an article matches; {@link dev.mojaz.match.MatchEngine#matches} decides one query alone, the
 *       same way.</li>
 *   <li>{@link dev.mojaz.match.SubscriptionIndex} holds every receiving chat's subscriptions, keyword queries in the
 *       engine and whole sources followed beside it, and is the one thing that keeps them equal to the store.</li>
 * </ul>
 * No regular expression is ever built from user input. The lab ({@code bench match}) measures the engine against a
 * naive loop and Lucene Monitor.
 */
package dev.mojaz.match;
