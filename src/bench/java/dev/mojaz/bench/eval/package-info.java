/**
 * Quality measurement against evaluation datasets: the EASC protocol (budgeted extractive summaries scored with our
 * own ROUGE-1/2/L) and the Lead baseline it is compared with. Datasets are read at run time by the {@code eval}
 * commands, never bundled.
 */
package dev.mojaz.bench.eval;
