# One image recipe for every service: docker build --build-arg MODULE=groups-service .
# The build stage needs only a JDK; the Maven Wrapper fetches Maven.
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am package -DskipTests -Dkdnet.aot

FROM eclipse-temurin:25-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/quarkus-app/ /app/
RUN useradd --system --uid 10001 kdnet
USER 10001
EXPOSE 8080
# The flags the AOT cache was recorded with (kdnet.service.jvm-flags in pom.xml): it maps only with them.
ENV JAVA_OPTS="-XX:+UseParallelGC -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=app.aot -jar quarkus-run.jar"]
