# Entry points for operators and developers. `make run` and `make test` install what they need.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: setup browser run test test-fast bench eval train lint format clean

setup: $(STAMP)
	@bash deploy/kafka/install.sh
	@$(VENV)/bin/python -m services.triage.vectors install --if-missing

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Python 3.11 is required; set PYTHON=/path/to/python3.11")'
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

## Run Kafka, PostgreSQL, every service and the fake LINE platform; Ctrl-C stops them all.
run: setup
	$(VENV)/bin/python -m deploy.localstack.run

## Install Debian's chromium and a Japanese font for the console's browser test, if missing.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=ja | grep -q .; then \
		if [ "$$(id -u)" -ne 0 ]; then \
			echo "error: chromium or a Japanese font is missing and installing them needs root;" \
				"run 'sudo make browser' or 'apt-get install -y chromium fonts-noto-cjk' as root" >&2; \
			exit 1; \
		fi; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; \
	fi

## Run every test: unit tests and tests on a real Kafka broker and PostgreSQL server.
test: setup browser
	$(VENV)/bin/python -m pytest -q

## Unit tests only (no broker, no database).
test-fast: setup
	$(VENV)/bin/python -m pytest -q tests/unit

## Measure intake on a real broker and triage on one core; write docs/benchmarks.md.
bench: setup
	$(VENV)/bin/python -m benchmarks.intake_webhooks
	$(VENV)/bin/python -m services.triage.bench

## Print triage's precision, recall and F1 on the tuning and held-out data.
eval: setup
	$(VENV)/bin/python -m services.triage.evaluate --cross-validate

## Fit the triage model to the tuning data and write services/triage/model/weights.npz.
train: setup
	$(VENV)/bin/python -m services.triage.train

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .

clean:
	rm -rf .local
