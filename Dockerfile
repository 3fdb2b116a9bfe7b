# syntax=docker/dockerfile:1
# Multi-stage: install with the lockfile, build the dashboard, then run as the unprivileged `node` user.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    CUT_DATA_DIR=/data \
    CUT_SKIP_BUILD=1
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tsx directly (not npm) so SIGTERM reaches the server and the database closes cleanly; the V8
# flag is npm start's (scripts/lib/server-flags.ts says why).
CMD ["node_modules/.bin/tsx", "--max-semi-space-size=32", "scripts/start.ts"]
