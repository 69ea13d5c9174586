# interkultur: the web service (widget, API, feeds) under waitress.
#   docker build -t interkultur .
#   docker run --rm -p 8000:8000 -e INTERKULTUR_BASE_URL=https://kalender.example.de interkultur
# Settings are INTERKULTUR_* environment variables (README, "Configuration").
# More processes: docker run ... interkultur interkultur serve --host 0.0.0.0 --workers 4
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The PDFs (/year/2025.pdf ...): WeasyPrint needs Pango and HarfBuzz, and fonts for every script
# of the catalogue (Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian, Ethiopic, Devanagari,
# Gurmukhi, Gujarati, Tibetan, Thai: Noto core; Chinese, Korean, Japanese: Noto CJK).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# src/interkultur/data is a symlink to ../../data: both go in, the wheel gets the file
COPY pyproject.toml README.md ./
COPY data ./data
COPY src ./src
RUN pip install . \
    && rm -rf /src \
    && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin interkultur

WORKDIR /
USER interkultur
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["interkultur", "serve", "--host", "0.0.0.0", "--port", "8000"]
