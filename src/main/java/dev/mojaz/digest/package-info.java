/**
 * From stored articles to messages people asked for: instant alerts when a new article matches someone's query,
 * and digests at each person's hours. Everything produced here goes into the durable outbox in the same
 * transaction that records the delivery, so nothing is lost and nothing is sent twice.
 */
package dev.mojaz.digest;
