# CrisisDesk developer commands. Needs only Python 3.11+; everything else goes into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PO     := $(wildcard translations/*/LC_MESSAGES/crisisdesk.po)
MO     := $(PO:.po=.mo)

.PHONY: venv run test bench eval i18n mo lint format package clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Compiled catalogs are built, never committed or hand-edited.
mo: $(MO)

translations/%/LC_MESSAGES/crisisdesk.mo: translations/%/LC_MESSAGES/crisisdesk.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy=false -D crisisdesk -i $< -o $@ 2>/dev/null || \
	  $(BIN)/pybabel compile -D crisisdesk -i $< -o $@

# Re-extract the strings, merge them into every catalog, compile.
i18n: venv
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k N_ -k ngettext:1,2 \
	  --project=CrisisDesk --copyright-holder="CrisisDesk developers" \
	  -o translations/crisisdesk.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -D crisisdesk -i translations/crisisdesk.pot -d translations
	$(MAKE) mo

run: venv mo
	$(BIN)/crisisdesk

test: venv mo
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 -p no:cacheprovider

bench: venv mo
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

eval: venv
	$(BIN)/python -m bench.eval_sentiment

lint: venv
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

package: venv mo
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/crisisdesk.spec

clean:
	rm -rf build dist .pytest_cache
