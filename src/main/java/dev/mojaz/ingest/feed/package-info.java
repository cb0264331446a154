/**
 * Reading what a source publishes: RSS 0.9x/1.0/2.0, RDF and Atom feeds through Rome with XML made safe (no DTD,
 * no external entities), and listing pages whose article links a CSS selector picks out (Jsoup). Both give a list
 * of {@link dev.mojaz.ingest.feed.FeedEntry}; {@link dev.mojaz.ingest.feed.FeedReader} and
 * {@link dev.mojaz.ingest.feed.ListingReader} are the entry points.
 */
package dev.mojaz.ingest.feed;
