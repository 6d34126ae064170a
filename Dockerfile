# newsbrief in a container: docker build -t newsbrief . &&
# docker run -e TELEGRAM_BOT_TOKEN=... -v newsbrief:/data newsbrief
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 NEWSBRIEF_DB=/data/newsbrief.json
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY briefings ./briefings
COPY store ./store
RUN pip install --no-cache-dir . && useradd --system --home /data newsbrief && mkdir -p /data && chown newsbrief /data
USER newsbrief
VOLUME /data
ENTRYPOINT ["newsbrief"]
CMD ["run"]
