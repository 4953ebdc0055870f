# syntax=docker/dockerfile:1
# Ketenkaart portal: the API serving the built web app on one origin (port 3000).
# Build: docker build -t ketenkaart/portal .   Run with docker compose (see docker-compose.yml).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency, exactly as locked -------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- build: API (tsc) and web (vite) into dist/ ----------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx run-many -t build -p api web

# ---- prod-deps: runtime dependencies only ---------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the app); only the embedded database's
# folder, used when DATABASE_URL is unset, is writable by the runtime user.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY apps/api/data ./apps/api/data
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node handles SIGTERM itself (drains requests, closes the database); run with an init (compose
# `init: true`, or `docker run --init`) so that it is not PID 1.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
