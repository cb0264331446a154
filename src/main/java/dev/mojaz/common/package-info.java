/**
 * Small pieces every layer may use, one of each: {@link dev.mojaz.common.Backoff} (the retry rule of every retry
 * loop), {@link dev.mojaz.common.Sleeper} (waiting, which tests replace by moving a fake clock),
 * {@link dev.mojaz.common.Durations} (how durations are written, in the configuration and elsewhere) and
 * {@link dev.mojaz.common.DaemonThreads} (the threads Mojaz starts). Depends on nothing of Mojaz.
 */
package dev.mojaz.common;
