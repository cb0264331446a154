package dev.mojaz.config;

import java.time.Duration;

/**
 * When the bot counts as unhealthy ({@code status} exits 1), and the optional {@code /healthz} endpoint.
 *
 * @param port         port of the {@code /healthz} HTTP endpoint inside {@code run}; 0 leaves it off
 * @param bind         address the endpoint listens on ({@code 0.0.0.0} to reach it from outside a container)
 * @param maxPollAge   unhealthy when no enabled source was read successfully for this long
 * @param maxSendDelay unhealthy when a message has been due for this long and nothing at all was sent meanwhile
 */
public record HealthConfig(int port, String bind, Duration maxPollAge, Duration maxSendDelay) {
    public HealthConfig {
        Check.range("port", port, 0, 65_535);
        Check.notBlank("bind", bind);
        Check.positive("max-poll-age", maxPollAge);
        Check.positive("max-send-delay", maxSendDelay);
    }
}
