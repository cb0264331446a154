/**
 * The sources Mojaz reads: those in the configuration file plus those added at run time (the bot, OPML import)
 * through {@link dev.mojaz.source.SourceRepository}, and OPML import and export of them.
 * {@link dev.mojaz.source.catalog.SourceCatalog} gives the effective list; {@link dev.mojaz.source.catalog.Opml}
 * reads and writes OPML.
 */
package dev.mojaz.source.catalog;
