# BranchCheck — one command to run, one to test. Everything installs itself on a fresh machine.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEBS    := xvfb xauth poppler-utils fonts-wqy-microhei libreoffice-calc-nogui libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
           libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 \
           libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 postgresql

.PHONY: run test typecheck bench soak lint format debs venv screenshots bundle bundle-test clean

run: $(STAMP) debs
	@$(BIN)/branchcheck demo --if-empty
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BIN)/branchcheck-gui; \
	else \
		echo "No display: running the headless demo instead (records into ./out)."; \
		$(BIN)/branchcheck demo --if-empty --out out; \
	fi

# BRANCHCHECK_REQUIRE_PG: the PostgreSQL tests fail, never skip, without a server (tests/pg.py)
test: $(STAMP) debs typecheck
	BRANCHCHECK_REQUIRE_PG=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider \
		-n 2 --dist loadfile -m "not serial"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m serial

bench: $(STAMP) debs
	$(BIN)/python bench/run_all.py

# the long soaks: random single changes to the demo's records, every one must be refused; then
# SIGKILLs at random moments of inspections, sealing and export, nothing acknowledged may be lost
soak: $(STAMP) debs
	$(BIN)/python bench/soak_verify.py --changes 5000
	$(BIN)/python bench/soak_crash.py --kills 1000

typecheck: $(STAMP)
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .

screenshots: $(STAMP) debs
	for m in screens widgets findings dashboard admin keys_settings; do \
		xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m tools.screenshots.$$m --out docs/screenshots || exit 1; \
	done
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python -m tools.screenshots.sizes --out docs/screenshots

# the one-folder program for a branch PC: dist/BranchCheck/ (branchcheck-gui, branchcheck)
bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/branchcheck.spec

# builds the bundle (minutes), then starts its window and verifies a demo record made with it
bundle-test: bundle debs
	BRANCHCHECK_BUNDLE_TEST=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/test_bundle.py

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,bundle]"
	touch $(STAMP)

# Debian packages: Qt's xcb libraries, Xvfb, poppler (pdftotext/pdftoppm/pdfsig), a CJK font,
# LibreOffice Calc (headless: the workbooks are printed to PDF in a test, as an auditor would),
# the PostgreSQL server (the tests start their own throwaway one on loopback: tests/pg.py).
debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf $(VENV) out .bench build dist
