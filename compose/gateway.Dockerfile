# The gateway image for docker-compose.yml; build the jar first (./mvnw -DskipTests install).
FROM eclipse-temurin:17-jre
# /var/lib/dsx belongs to dsx, so a fresh named volume mounted there is writable by the gateway
RUN useradd --system --uid 10001 dsx && mkdir -p /var/lib/dsx && chown dsx /var/lib/dsx
COPY exchange-gateway/target/dsx-exchange-gateway-exec.jar /opt/dsx/gateway.jar
USER dsx
EXPOSE 8080
# an OutOfMemoryError ends the process (compose restarts it) instead of leaving a half-working gateway
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/dsx/gateway.jar"]
