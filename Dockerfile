# Mojaz: multi-stage build. Build with Maven on a JDK 17 image, run on a JRE 17 image as a non-root user.
#   docker build -t mojaz .
#   docker run -e MOJAZ_TELEGRAM_TOKEN=123:abc -v mojaz-data:/app/data mojaz
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
# Optional health endpoint (telegram.health-port in config); the status command works without it.
EXPOSE 8080
HEALTHCHECK --interval=60s --timeout=10s --start-period=30s --retries=3 \
  CMD ["java", "-jar", "/app/mojaz.jar", "status", "--config", "/app/config/mojaz.yaml"]
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75", "-jar", "/app/mojaz.jar"]
CMD ["run", "--config", "/app/config/mojaz.yaml"]
