# bluegreen-watch: every drill is a make target. `make help` lists them.
SHELL := /bin/bash
MVN ?= mvn -B -ntp -Dstyle.color=never
JAR := watcher/target/watcher.jar

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets, one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: ## Build watcher/target/watcher.jar (runnable with java -jar) and the demo-app
	$(MVN) -q package -DskipTests

.PHONY: test
test: ## Run every test and the format check (the one test command)
	$(MVN) verify | grep -vE '^\[INFO\] (Download|---|$$)'; exit $${PIPESTATUS[0]}

.PHONY: format
format: ## Rewrite the Java sources in google-java-format
	$(MVN) spotless:apply

.PHONY: up
up: ## Start the sandbox (arrives with the sandbox issue; see make demo meanwhile)
	@echo "make up: the sandbox (nginx + blue/green demo-app + live watcher) is not built yet."
	@echo "Meanwhile 'make demo' replays a failover through the watcher."
	@exit 2

.PHONY: demo
demo: build ## Replay a log where blue fails over to green and recovers; print the alerts
	java -jar $(JAR) replay watcher/src/test/resources/replay/failover-and-recovery.log

.PHONY: replay
replay: build ## Replay a log through the detectors: make replay LOG=path/to/access.log
	@test -n "$(LOG)" || { echo "usage: make replay LOG=path/to/access.log [ARGS='--format json']"; exit 2; }
	java -jar $(JAR) replay $(ARGS) $(LOG)

.PHONY: clean
clean: ## Remove build output
	$(MVN) clean
