# Mojaz: multi-stage build. Build with Maven on a JDK 17 image, run on a JRE 17 image as a non-root user.
#   docker build -t mojaz .
#   docker run -e MOJAZ_TELEGRAM_TOKEN=123456789:AAE... -v mojaz-data:/app/data mojaz     (stop: docker stop, i.e. SIGTERM)
#   docker run -v "$PWD/config:/app/config:ro" -e MOJAZ_TELEGRAM_TOKEN=... mojaz run --config /app/config/mojaz.yaml

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so they are cached while only sources change.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system mojaz && useradd --system --gid mojaz --home-dir /app --shell /usr/sbin/nologin mojaz
WORKDIR /app
COPY --from=build /build/target/mojaz.jar /app/mojaz.jar
COPY config /app/config
RUN mkdir -p /app/data && chown -R mojaz:mojaz /app/data
USER mojaz
# The SQLite database and anything else that must survive a restart lives here.
VOLUME ["/app/data"]
# Optional: the /healthz endpoint (health.port, with health.bind 0.0.0.0) and the webhook (telegram.mode: webhook,
# telegram.webhook.port; secret in MOJAZ_TELEGRAM_WEBHOOK_SECRET). Long polling, the default, needs no port.
EXPOSE 8080 8443
# 'status' reads the database the bot writes (data/mojaz.db, relative to /app): exit 1 when no source was read for
# health.max-poll-age or a due message waited health.max-send-delay while nothing was sent.
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-jar", "/app/mojaz.jar", "status", "--config", "/app/config/mojaz.yaml"]
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75", "-jar", "/app/mojaz.jar"]
CMD ["run", "--config", "/app/config/mojaz.yaml"]
