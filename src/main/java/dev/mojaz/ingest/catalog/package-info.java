/**
 * The sources Mojaz reads: those in the configuration file plus those added at run time (the bot, OPML import)
 * through {@link dev.mojaz.domain.SourceRepository}, and OPML import and export of them.
 * {@link dev.mojaz.ingest.catalog.SourceCatalog} gives the effective list; {@link dev.mojaz.ingest.catalog.Opml}
 * reads and writes OPML.
 */
package dev.mojaz.ingest.catalog;
