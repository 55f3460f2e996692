# 个体通 (Getitong) — the only entry points. Everything a fresh Debian machine needs is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
DATA_DIR ?= ./var
PY := .venv/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_RUN := libzbar0
APT_TEST := libzbar0 postgresql redis-server chromium fonts-noto-cjk

export DATA_DIR PORT

.PHONY: help run test bench lint apt-run apt-test node venv admin miniprogram-deps migrate seed clean

help:
	@echo "make run    — 启动完整系统（SQLite + 进程内缓存 + 演示数据），管理端 http://127.0.0.1:$(PORT)/admin/"
	@echo "make test   — 安装依赖并运行全部测试（PostgreSQL + Redis 与 SQLite 两套环境）"
	@echo "make bench  — 性能基准（与同次运行的基线对比）"

run: apt-run venv admin
	$(PY) -m getitong serve

test: apt-test venv admin miniprogram-deps
	bash scripts/test.sh

bench: apt-test venv
	bash bench/run.sh
	bash bench/appeals_run.sh
	bash bench/credit_run.sh
	bash bench/registration_run.sh
	bash bench/supervision_run.sh
	bash bench/risk_import_run.sh
	BENCH_IMPORTER=collection bash bench/risk_import_run.sh

lint: venv
	.venv/bin/ruff check backend tests bench scripts docker

migrate: venv
	$(PY) -m getitong migrate

seed: venv
	$(PY) -m getitong seed

# --- installation ------------------------------------------------------------------------------
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "安装系统依赖:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

apt-run:
	$(call apt_install,$(APT_RUN))
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }

apt-test: apt-run
	$(call apt_install,$(APT_TEST))

venv: .venv/.installed

.venv/.installed: backend/pyproject.toml
	@test -x $(PY) || python3 -m venv .venv
	.venv/bin/pip install -q --upgrade pip
	.venv/bin/pip install -q -e 'backend[dev]'
	@touch $@

ADMIN_SOURCES := $(shell find admin-web/src admin-web/public admin-web/index.html admin-web/vite.config.ts admin-web/package-lock.json -type f 2>/dev/null)

admin: admin-web/dist/.built

admin-web/node_modules/.installed: admin-web/package-lock.json
	cd admin-web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

admin-web/dist/.built: admin-web/node_modules/.installed $(ADMIN_SOURCES)
	cd admin-web && npm run build --silent
	mkdir -p admin-web/dist/docs-assets
	cp admin-web/node_modules/swagger-ui-dist/{swagger-ui.css,swagger-ui-bundle.js,swagger-ui-standalone-preset.js} admin-web/dist/docs-assets/
	@touch $@

miniprogram-deps: miniprogram/node_modules/.installed

miniprogram/node_modules/.installed: miniprogram/package-lock.json
	cd miniprogram && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf .venv admin-web/node_modules admin-web/dist miniprogram/node_modules
