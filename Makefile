# The user's interface: `make html` and `make test` work on a fresh clone.
# The site's languages are listed once, in docs/conf.py (ainotes_languages).

PYTHON      ?= $(shell command -v python3.11 || command -v python3)
VENV        ?= .venv
PY          := $(VENV)/bin/python
DOCS        ?= docs
BUILD       ?= build
SPHINXOPTS  ?= -W --keep-going
# Sphinx's parallel workers for one language's build (make html-<lang>).
SPHINXJOBS  ?= auto
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
SPHINXBUILD := $(PY) -m sphinx
NOTES       := $(VENV)/bin/sphinx-notes
STAMP       := $(VENV)/.installed-stamp
# Read lazily, once the venv exists, and then kept: each read starts Python.
LANGUAGES    = $(eval LANGUAGES := $$(shell $(NOTES) languages $(DOCS)))$(LANGUAGES)
SOURCE       = $(eval SOURCE := $$(shell $(NOTES) languages --source $(DOCS)))$(SOURCE)
# make html builds every language at once. The source language's build
# translates nothing and ends first, so it runs on one core (ONECORE), and
# Sphinx's workers go to the translated builds (make bench, 500 notes: at once
# took 0.575 of one after the other, against 0.705 with -j auto for every build).

.PHONY: help html gettext update-po stats serve test lint bench import-bench catalogs clean
.DEFAULT_GOAL := help

help:
	@echo "make html          build every language into $(BUILD)/html/<lang>/ (sets up $(VENV) first)"
	@echo "make html-<lang>   build one language, e.g. make html-de"
	@echo "make gettext       extract messages to $(BUILD)/gettext/*.pot"
	@echo "make update-po     update $(DOCS)/locale/<lang>/*.po with sphinx-intl (keeps translations)"
	@echo "make stats         sphinx-intl's translation counts"
	@echo "make serve         preview $(BUILD)/html on http://127.0.0.1:8000/"
	@echo "make test          run the whole test suite"
	@echo "make bench [N=500] measure the extension's cost on a synthetic site"
	@echo "make clean         remove $(BUILD)"

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

html: $(STAMP)
	$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target $(addprefix html-,$(LANGUAGES)) \
		$(if $(word 2,$(LANGUAGES)),ONECORE=$(SOURCE))
	$(NOTES) root-index $(DOCS) $(BUILD)/html

html-%: $(STAMP)
	$(SPHINXBUILD) -b html -j $(if $(filter $*,$(ONECORE)),1,$(SPHINXJOBS)) -D language=$* -d $(BUILD)/doctrees/$* $(SPHINXOPTS) $(DOCS) $(BUILD)/html/$*

gettext: $(STAMP)
	$(SPHINXBUILD) -b gettext -d $(BUILD)/doctrees/gettext $(SPHINXOPTS) $(DOCS) $(BUILD)/gettext

update-po: gettext
	$(NOTES) update-po $(DOCS) $(BUILD)/gettext

stats: $(STAMP)
	$(VENV)/bin/sphinx-intl stat -d $(DOCS)/locale

serve: $(STAMP)
	@echo "Serving $(BUILD)/html on http://127.0.0.1:8000/ (Ctrl-C stops)"
	$(PY) -m http.server --bind 127.0.0.1 --directory $(BUILD)/html 8000

test: $(STAMP)
	$(PY) -m pytest -n $(JOBS)

# A synthetic bilingual site, plain Sphinx against Sphinx with this extension.
# BENCHOPTS: e.g. --repeat 1 --skip-scaling (see python -m benchmarks --help).
N ?= 500
BENCHOPTS ?=
bench: $(STAMP)
	$(PY) -m benchmarks --notes $(N) --out $(BUILD)/bench $(BENCHOPTS)

# How long `sphinx-notes import-jekyll` takes for N synthetic note pairs.
import-bench: $(STAMP)
	$(PY) -m sphinx_ext.jekyll.bench --pairs $(N)

lint: $(STAMP)
	$(PY) -m ruff check sphinx_ext tests benchmarks
	$(PY) -m ruff format --check sphinx_ext tests benchmarks
	$(PY) -m mypy

# The extension's own UI strings: extract, merge into each language, compile.
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --omit-header -o sphinx_ext/locale/sphinx_ext.pot sphinx_ext
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -D sphinx_ext -d sphinx_ext/locale -i sphinx_ext/locale/sphinx_ext.pot
	$(VENV)/bin/pybabel compile -D sphinx_ext -d sphinx_ext/locale

clean:
	rm -rf $(BUILD)
