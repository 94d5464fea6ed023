# bluegreen-watch: every drill is a make target. `make help` lists them.
SHELL := /bin/bash
MVN ?= mvn -B -ntp -Dstyle.color=never
JAR := watcher/target/watcher.jar

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets, one line each (in colour on a terminal; NO_COLOR=1 turns it off)
	@if [ -t 1 ] && [ -z "$${NO_COLOR:-}" ]; then on='\033[36m' off='\033[0m'; else on='' off=''; fi; \
	awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %s%-21s%s %s\n", on, $$1, off, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: ## Build watcher/target/watcher.jar (runnable with java -jar) and the demo-app
	$(MVN) -q package -DskipTests

.PHONY: test
test: ## Run every test and the format check (the one test command)
	$(MVN) verify | grep -vE '^\[INFO\] (Download|---|$$)'; exit $${PIPESTATUS[0]}

.PHONY: format
format: ## Rewrite the Java sources in google-java-format
	$(MVN) spotless:apply

.PHONY: lint
lint: ## shellcheck on every shell script of the repository (found by *.sh or its #! line)
	@scripts/lint.sh

SANDBOX := scripts/sandbox.sh
DEMO_JAR := demo-app/target/demo-app.jar
SOURCES := $(shell find watcher/src/main demo-app/src/main -type f) pom.xml watcher/pom.xml demo-app/pom.xml
MODE ?= error
MS ?=
POOL ?=

# Maven leaves an up-to-date jar untouched, so touch both to stop make rebuilding every time.
$(JAR) $(DEMO_JAR) &: $(SOURCES)
	$(MVN) -q package -DskipTests
	@touch $(JAR) $(DEMO_JAR)

.env:
	cp .env.example .env
	@echo "created .env from .env.example (edit it; the environment overrides it)"

.PHONY: up
up: .env $(JAR) $(DEMO_JAR) ## Start nginx :8080, blue :8081, green :8082, watcher :9180 (RUNTIME=docker|local)
	@$(SANDBOX) up

.PHONY: down
down: ## Stop the sandbox; checks that no process and no port is left behind
	@$(SANDBOX) down

.PHONY: status
status: ## Which pool serves, the health of each app, the watcher's state
	@$(SANDBOX) status

.PHONY: logs
logs: ## Follow the Nginx access log and the watcher, interleaved, each line prefixed with its source (Ctrl-C stops)
	@$(SANDBOX) logs

.PHONY: chaos
chaos: ## Break the active pool (MODE=error|timeout|slow [MS=700]), the standby (POOL=green), or both (MODE=outage); show the alert
	@CHAOS_MS=$(MS) CHAOS_POOL=$(POOL) $(SANDBOX) chaos $(MODE)

.PHONY: chaos-stop
chaos-stop: ## Stop chaos on both pools, then send traffic until the active pool serves again, show the alert
	@$(SANDBOX) chaos-stop

.PHONY: switch
switch: ## Planned blue<->green switch: nginx config tested, watcher told, nginx reloaded; a failed step rolls back
	@$(SANDBOX) switch

.PHONY: maintenance-on
maintenance-on: ## Suppress the watcher's alerts during planned work
	@$(SANDBOX) maintenance on

.PHONY: maintenance-off
maintenance-off: ## Alert again
	@$(SANDBOX) maintenance off

.PHONY: tour
tour: .env $(JAR) $(DEMO_JAR) ## A guided drill: each failure narrated, run, explained; a summary table (TOUR=auto: no pauses)
	@scripts/tour.sh

.PHONY: demo
demo: build ## Replay a log where blue fails over to green and recovers; print the alerts
	java -jar $(JAR) replay watcher/src/test/resources/replay/failover-and-recovery.log

.PHONY: replay
replay: ## Replay a log through the detectors: make replay LOG=path/to/access.log
	@test -n "$(LOG)" || { echo "usage: make replay LOG=path/to/access.log [ARGS='--format json']"; exit 2; }
	@$(MAKE) --no-print-directory -s $(JAR)
	java -jar $(JAR) replay $(ARGS) $(LOG)

LINES ?= 1000000

.PHONY: bench
bench: ## Performance figures and targets from one generated log: make bench [LINES=100000] [BENCH_ARGS=--no-jmh]
	$(MVN) -q -pl watcher,bench/jmh -am package -DskipTests
	python3 bench/run.py $(BENCH_ARGS) $(LINES)

ASYNC_PROFILER = tools.profiler:async-profiler:3.0
COPIES ?= 1

.PHONY: profile
profile: ## Where replay spends its CPU (async-profiler): make profile [LINES=1000000] [COPIES=5]
	$(MVN) -q -pl watcher -am package -DskipTests
	$(MVN) -q -N dependency:copy -Dartifact=$(ASYNC_PROFILER) -DoutputDirectory=bench/target
	python3 bench/profile.py --copies $(COPIES) $(LINES)

.PHONY: classlist
classlist: $(JAR) ## Remake packaging/watcher.classlist, what the class-data archive holds (after start-up changes)
	python3 bench/classlist.py

DEB_DIR := target/deb

.PHONY: package
package: $(JAR) ## Build the .deb (target/deb/): /usr/bin/watcher, the systemd unit, /etc/bluegreen-watch/watcher.env
	@packaging/build-deb.sh $(JAR) $(DEB_DIR)

.PHONY: package-test
package-test: package ## As root: install, upgrade, remove and purge the .deb, checking each step (CI runs it)
	packaging/test-package.sh $(DEB_DIR)/bluegreen-watch_*_all.deb $(JAR)

.PHONY: package-systemd-test
package-systemd-test: package ## As root where no systemd runs: the unit under a real systemd in namespaces (not in CI)
	packaging/systemd-test.sh $(DEB_DIR)/bluegreen-watch_*_all.deb

.PHONY: docker-drill
docker-drill: ## The Docker path end to end: compose through the e2e drill (Podman stands in when no engine answers)
	@MVN="$(MVN)" scripts/docker-drill.sh

.PHONY: clean
clean: ## Stop the sandbox if it runs (with the runtime it was started with), remove run/ and build output
	@if [ -f run/runtime ]; then $(SANDBOX) down; fi
	rm -rf run bench/target
	$(MVN) -q clean
