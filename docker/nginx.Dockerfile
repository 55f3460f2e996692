# syntax=docker/dockerfile:1
# nginx in front of the API: serves the admin build at /admin/ and Swagger UI's files for /docs,
# proxies /api/ and /docs to api:8000. Build context: the repository root.

# --- the admin web app (Vue 3 + Vite) and Swagger UI's static files ---
FROM node:20-bookworm-slim AS admin
WORKDIR /src/admin-web
COPY admin-web/package.json admin-web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY admin-web/ ./
RUN npm run build
# The API's /docs page asks for /docs/assets/swagger-ui{.min.css,-bundle.min.js,-standalone-preset.min.js};
# swagger-ui-dist ships them without ".min". nginx serves them (no CDN: the page works offline).
RUN npm install --prefix /tmp/swagger --no-save --no-package-lock --no-audit --no-fund swagger-ui-dist@5 \
 && mkdir -p /src/docs-assets \
 && cd /tmp/swagger/node_modules/swagger-ui-dist \
 && cp swagger-ui.css /src/docs-assets/swagger-ui.min.css \
 && cp swagger-ui-bundle.js /src/docs-assets/swagger-ui-bundle.min.js \
 && cp swagger-ui-standalone-preset.js /src/docs-assets/swagger-ui-standalone-preset.min.js

# --- nginx ---
FROM nginx:1.27
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=admin /src/admin-web/dist /usr/share/nginx/html/admin
COPY --from=admin /src/docs-assets /usr/share/nginx/html/docs-assets
EXPOSE 80
