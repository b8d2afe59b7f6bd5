# The two set-up commands for a fresh Debian machine (see README.md):
#   make serve   install what the site needs, then serve it with live reload
#   make test    install what the tests need, then run the whole test suite
# Both install only what is missing, so they are quick the second time.

VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build python-packages npm-packages build-system-packages test-system-packages

serve: python-packages build-system-packages
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: python-packages npm-packages build-system-packages test-system-packages
	$(BIN)/pytest

# What a static host serves: the folder site/, with the security headers
# for hosts that read a _headers file (nginx uses deploy/*.conf instead).
# SITE_DEPLOY=1 refuses placeholders (hooks/launch_check.py). The site is built next
# to site/ and moved there only when complete, so a failed build leaves no site/.
build: python-packages build-system-packages
	rm -rf site.partial
	SITE_DEPLOY=1 $(BIN)/mkdocs build --strict --clean --site-dir site.partial \
		|| { rm -rf site.partial site; exit 1; }
	cp deploy/_headers site.partial/_headers
	rm -rf site && mv site.partial site

python-packages: $(BIN)/.installed
$(BIN)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	# The build code the hooks import (src/forebygg/), editable: an edit takes effect at once.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

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
# nginx to serve the site as deployed, and Java for the Nu Html Checker.
test-system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then $(APT) update -qq && $(APT) install -y -qq $$missing; fi
