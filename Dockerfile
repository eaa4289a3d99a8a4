# Production image: build the Remix app, then run it with only production dependencies.
# docker compose up --build (see docker-compose.yml and README.md).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY package.json package-lock.json tsconfig.json ./
COPY app ./app
COPY db ./db
COPY migrations ./migrations
COPY public ./public
USER node
EXPOSE 3000
# The server migrates (under an advisory lock), then serves. Without DATABASE_URL it would start an
# embedded PostgreSQL inside the container; in production always set DATABASE_URL.
CMD ["npx", "tsx", "app/server/main.ts"]
