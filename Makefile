# The two commands of the quick start (README.md):
#   make demo   install what the build needs, build desk alone (release), run a
#               short demo on a local store
#   make test   install what is missing, check the tree's rules, build with
#               AddressSanitizer + UndefinedBehaviorSanitizer and run every
#               test, then each fuzz target for FUZZ_SECONDS (5) seconds
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 5

.PHONY: all deps deps-test build demo test test-dev test-asan test-fuzz check-tree format install clean

all: build

deps:
	@.ci/deps build

deps-test:
	@.ci/deps test

build: deps
	@cmake --preset dev >/dev/null
	@cmake --build build -j $(JOBS)

# The demo needs one binary: a release build of the desk target alone, not
# the tests (`make test` builds those).
demo: deps
	@cmake --preset release >/dev/null
	@cmake --build build-release --target desk -j $(JOBS)
	@sh examples/demo.sh build-release/cmd/desk

# Every test runs once, in the sanitized build: it checks all the plain build
# does and more. Running them in both cost CI 69 minutes on two cores, over
# its 45; `make test-dev` is the quick plain run for working.
test: deps-test check-tree test-asan test-fuzz
	@echo "all tests passed"

test-dev:
	@cmake --preset dev >/dev/null
	@cmake --build build -j $(JOBS)
	@ctest --preset dev

test-asan:
	@cmake --preset asan >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@ctest --preset asan

# libFuzzer: every target briefly over its seed corpus (tests/fuzz/README.md).
test-fuzz:
	@cmake --preset fuzz >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@tests/fuzz/run $(FUZZ_SECONDS)

# Rules the tree keeps: formatting, the layers of lib/desk/ (ARCHITECTURE.md),
# and SQLite only in its store backend.
check-tree:
	@tests/check-tree

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

install: build
	@cmake --install build

clean:
	@rm -rf build build-asan build-release build-fuzz
