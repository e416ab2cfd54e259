# syntax=docker/dockerfile:1
# One recipe for every service image: docker build --build-arg MODULE=<module> .
# (docker-compose.yml builds the four services with it.)
ARG MODULE=gateway

# ---- build: the module and what it depends on, from source ----
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
# the cache mount keeps ~/.m2 between the four image builds (locked: compose builds them in parallel)
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -DskipTests -pl "${MODULE}" -am package \
 && mkdir -p /out \
 && cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-all.jar" /out/app.jar \
 && if [ -d "${MODULE}/target/vosk-model" ]; then cp -r "${MODULE}/target/vosk-model" /out/vosk-model; fi

# ---- run: a JRE, the fat jar and, for speech-service, the unpacked Vosk model ----
FROM eclipse-temurin:17-jre
ARG MODULE
LABEL org.opencontainers.image.title="rehearse-${MODULE}"
# curl answers the compose healthcheck against /health
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app rehearse
WORKDIR /app
COPY --from=build --chown=rehearse /out/ /app/
USER rehearse
# the tokenizer of assessment's sentence model unpacks its native library here (the home folder is not writable)
ENV DJL_CACHE_DIR=/tmp/djl
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
