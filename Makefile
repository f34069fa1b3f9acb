# One entry per task that takes more than one command; everything runs through uv.
# Windows has no make: run the command under each target by hand (installer/README.md).
UV ?= uv
BUNDLE := dist/partner-desk

.PHONY: help bundle icons version dmg clean translations translations-update \
	windows-installer-check

help:
	@echo "make bundle    one-folder app in $(BUNDLE)/ (PyInstaller, build.spec); prints its size"
	@echo "make icons     render resources/icons/partner-desk.svg to the PNG, .ico and .icns files"
	@echo "make translations         lupdate over desktop/ into resources/translations/*.ts, then"
	@echo "                          lrelease them to the .qm files the app loads (both committed)"
	@echo "make translations-update  lupdate only (then translate the new entries in the .ts)"
	@echo "make version   the version the bundle and the installers get (from pyproject.toml)"
	@echo "make dmg       macOS: the bundle, then dist/Partner Desk-<version>.dmg"
	@echo "make windows-installer-check  compile installer/windows/partner-desk.iss with Inno"
	@echo "                          Setup's ISCC under Wine (Linux; unsigned and signed branch)"
	@echo "make clean     remove build/ and dist/"

# --clean: no stale PyInstaller cache between builds (a build takes ~15 s anyway).
bundle:
	$(UV) run --locked --group build pyinstaller build.spec --noconfirm --clean
	@du -sh $(BUNDLE) | sed "s/^/bundle size (du): /"

# `translations` after any change to a translated text; tests/i18n fails until the .ts are
# complete and the .qm match them.
translations: translations-update
	$(UV) run --locked python -m desktop.config.i18n compile

translations-update:
	$(UV) run --locked python -m desktop.config.i18n update

icons:
	$(UV) run --locked --group build python resources/icons/build_icons.py

version:
	@$(UV) run --locked python -c "import desktop; print(desktop.__version__)"

dmg: bundle
	installer/macos/build_dmg.sh

# Linux: the .iss compiled by ISCC 6.4 under Wine, against dist/partner-desk if it holds a
# Windows bundle, else a stand-in folder. Installs wine and the compiler when missing (root).
windows-installer-check:
	UV="$(UV)" installer/windows/check_installer.sh

clean:
	rm -rf build dist
