# The gateway image for docker-compose.yml; build the jar first (./mvnw -DskipTests install).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 dsx
COPY exchange-gateway/target/dsx-exchange-gateway-exec.jar /opt/dsx/gateway.jar
USER dsx
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/dsx/gateway.jar"]
