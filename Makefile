# bluegreen-watch: every drill is a make target. `make help` lists them.
SHELL := /bin/bash
MVN ?= mvn -B -q
JAR := watcher/target/watcher.jar

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets, one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: build
build: ## Build watcher/target/watcher.jar (runnable with java -jar) and the demo-app
	$(MVN) package -DskipTests

.PHONY: test
test: ## Run every test and the format check (the one test command)
	$(MVN) verify

.PHONY: format
format: ## Rewrite the Java sources in google-java-format
	$(MVN) spotless:apply

.PHONY: replay
replay: build ## Replay a log through the detectors: make replay LOG=path/to/access.log
	@test -n "$(LOG)" || { echo "usage: make replay LOG=path/to/access.log [ARGS='--format json']"; exit 2; }
	java -jar $(JAR) replay $(ARGS) $(LOG)

.PHONY: clean
clean: ## Remove build output
	$(MVN) clean
