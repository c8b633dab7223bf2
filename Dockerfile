FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The explorer's Vite build reads its sources and the schema (entity pages are made from it).
COPY explorer ./explorer
COPY schema ./schema
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
COPY cypher ./cypher
COPY schema ./schema
USER node
CMD ["node", "--max-semi-space-size=64", "dist/src/cli/start.js"]
