# The two set-up commands for a fresh Debian machine (see README.md):
#   make serve   install what the site needs, then serve it with live reload
#   make test    install what the tests need, then run lint and the whole test suite
# Both install only what is missing, so they are quick the second time.
# The Python packages come from the lock files requirements/site.txt and
# requirements/tests.txt, every package pinned with its hashes; `make lock`
# compiles them from requirements/*.in.
#
# A lock is installed as it stands, with the pip that `python3 -m venv` gives
# (23.2.1 on Debian 12's Python 3.11): --no-deps, so pip resolves nothing and
# a newer release on PyPI cannot change what is installed (pip 23 resolved
# weasyprint's fonttools[woff] again and refused the lock); setuptools first,
# from build-tools.txt, so that odfpy, which has no wheel, is built with the
# locked setuptools and not with one fetched for an isolated build; then
# `pip check` proves that the installed set is complete and consistent.

VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation
LOCKED := $(PIP) --require-hashes -r
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
export NO_MKDOCS_2_WARNING := 1
# mkdocs.yml checked before MkDocs reads it: MkDocs stops at a tab or a stray
# quote with the YAML library's own words, before any hook can name the line
# and the fix (src/forebygg/settings_file.py, which the plugin runs again
# before each rebuild of `make serve`).
CHECK_SETTINGS := $(BIN)/python -m forebygg.settings_file mkdocs.yml
# What `make lint` checks.
PYTHON_SOURCES := src tests bench scripts
# The tool that compiles the lock files, in a virtual environment of its own.
# --universal: one lock for any platform and any Python 3.11.x. Where a package's
# releases need a newer 3.11, the lock says so by a marker (pymdown-extensions
# 13 needs 3.11.5, so Debian 12's Python 3.11.2 gets 12.3).
UV_VERSION := 0.13.9
LOCK_TOOL := .cache/lock-tool
UV_COMPILE := $(LOCK_TOOL)/bin/uv pip compile --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"

.PHONY: serve test test-fast lint check build add-language csp clean lock python-packages test-python-packages \
	npm-packages build-system-packages test-system-packages

serve: python-packages build-system-packages
	$(CHECK_SETTINGS)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Lint first: it takes a second, the tests some minutes, in two processes.
test: lint npm-packages build-system-packages test-system-packages
	$(BIN)/pytest -n 2 --dist loadgroup

# The tests that need no browser and no server, in two processes (about 35 s on two cores).
test-fast: test-python-packages npm-packages build-system-packages test-system-packages
	$(BIN)/pytest -n 2 --dist loadgroup -m "not browser and not server and not suite"

# Formatting and lint rules (ruff, configured in pyproject.toml).
lint: test-python-packages
	$(BIN)/ruff format --check $(PYTHON_SOURCES)
	$(BIN)/ruff check $(PYTHON_SOURCES)

# A preview build with every check that `make build` makes but the one for
# placeholders: what is still missing (a translation, a caption file, a line in
# mkdocs.yml) is named with its file and line, before launch as well. The pages
# go to .cache/check/, never to site/, so nothing of it can be published.
check: python-packages build-system-packages
	$(CHECK_SETTINGS)
	$(BIN)/mkdocs build --strict --clean --site-dir .cache/check

# What a static host serves: the folder site/, with the security headers
# for hosts that read a _headers file (nginx uses deploy/*.conf instead).
# SITE_DEPLOY=1 refuses placeholders (src/forebygg/launch.py). The site is built next
# to site/ and moved there only when complete, so a failed build leaves no site/.
build: python-packages build-system-packages
	rm -rf site.partial
	$(CHECK_SETTINGS) && SITE_DEPLOY=1 $(BIN)/mkdocs build --strict --clean --site-dir site.partial \
		|| { rm -rf site.partial site; exit 1; }
	cp deploy/_headers site.partial/_headers
	rm -rf site && mv site.partial site

# A new language, ready to translate (EDITING.md, "Add a language"):
#   make add-language CODE=ar NAME=العربية
# copies another language's pages, forms, captions and texts (English, or FROM=sv),
# each marked as not yet translated: `make serve` shows it at once, `make build`
# refuses each copy until it is translated (src/forebygg/translations/).
add-language: python-packages
	@[ -n "$(CODE)" ] || { echo "make add-language: give the language's code, as in: make add-language CODE=ar NAME=العربية" >&2; exit 1; }
	$(BIN)/python -m forebygg.translations.add_language "$(CODE)" "$(NAME)" $(if $(FROM),--from "$(FROM)")

# The Content-Security-Policy's hashes of the inline scripts, and its film hosts, written
# into deploy/ (src/forebygg/csp.py) from a build of the specimen, tests/specimen/, where
# every component is on. Run it when a template's inline script or a film host changes
# (a test says so), then copy deploy/ to the web server again.
csp: test-python-packages
	rm -rf .cache/csp
	$(BIN)/python tests/site_build.py .cache/csp
	$(BIN)/python -m forebygg.csp .cache/csp/site

# Clean up what the build and the tests leave: the site and .cache/ (what a build keeps for the
# next: the forms' documents, compiled templates, YAML, headings; src/forebygg/build_cache.py).
clean:
	rm -rf site .cache

# The Python packages, each from its lock file with hashes checked; then the
# build code and its MkDocs plugin (src/forebygg/), editable: the next build uses
# an edit without installing again (`make serve` once restarted). It is installed without its dependencies (the lock has them) and
# without build isolation (setuptools is in the lock).
python-packages: $(BIN)/.site-installed
$(BIN)/.site-installed: requirements/site.txt pyproject.toml $(BIN)/.build-tools-installed
	$(LOCKED) requirements/site.txt
	$(BIN)/pip check --disable-pip-version-check
	$(PIP) -e .
	touch $@

test-python-packages: $(BIN)/.tests-installed
$(BIN)/.tests-installed: requirements/tests.txt pyproject.toml $(BIN)/.build-tools-installed
	$(LOCKED) requirements/tests.txt
	$(BIN)/pip check --disable-pip-version-check
	$(PIP) -e .
	touch $@

$(BIN)/.build-tools-installed: requirements/build-tools.txt | $(BIN)/python
	$(LOCKED) requirements/build-tools.txt
	touch $@

$(BIN)/python:
	python3 -m venv $(VENV)

# Compile the lock files after a change to requirements/*.in. A package not
# named there keeps its locked version; `make lock LOCK_FLAGS=--upgrade`
# takes the newest releases that fit.
lock: $(LOCK_TOOL)/bin/uv
	$(UV_COMPILE) $(LOCK_FLAGS) requirements/build-tools.in -o requirements/build-tools.txt
	$(UV_COMPILE) $(LOCK_FLAGS) requirements/build.in requirements/forms.in -o requirements/site.txt
	$(UV_COMPILE) $(LOCK_FLAGS) requirements/tests.in -o requirements/tests.txt

$(LOCK_TOOL)/bin/uv:
	python3 -m venv $(LOCK_TOOL)
	$(LOCK_TOOL)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

npm-packages: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# What WeasyPrint needs to make the PDF forms: Pango, and fontconfig to find
# Liberation Sans, whose small cut is the PDF fields' font.
build-system-packages:
	@missing=""; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v fc-match >/dev/null || missing="$$missing fontconfig"; \
	fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing="$$missing fonts-liberation"; \
	if [ -n "$$missing" ]; then $(APT) update -qq && $(APT) install -y -qq $$missing; fi

# Debian's Chromium (Playwright's own browser download is not used),
# nginx to serve the site as deployed, Java for the Nu Html Checker, LibreOffice
# to convert the documents, and poppler's pdftotext to read a PDF right to left.
test-system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then $(APT) update -qq && $(APT) install -y -qq $$missing; fi
