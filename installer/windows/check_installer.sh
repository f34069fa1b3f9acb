#!/usr/bin/env bash
# Compile installer/windows/partner-desk.iss with Inno Setup's own compiler (ISCC 6.4, from the
# npm package `innosetup`) under Wine, on Linux: `make windows-installer-check`.
#
# What it proves: the script compiles as Windows' ISCC reads it, with the version from the
# package, unsigned and with the SIGN branch. Signed, ISCC calls the sign tool on both
# executables (signonce), the uninstaller (SignedUninstaller) and setup itself, and refuses a
# file that comes back unsigned. Here the sign tool is osslsigncode with a throwaway self-signed
# certificate (the real one is the release machine's); the check verifies setup's signature
# against it and that both executables went through it. It runs none of the setup: installing,
# upgrading and uninstalling are for a Windows machine (.github/workflows/windows.yml).
#
# Input: dist/partner-desk/ when it holds a Windows bundle (partner-desk.exe), else a stand-in
# folder with the same file names (said on the output): a bundle built on Linux has no .exe.
# Output: the setup.exe files in a temporary folder, their sizes printed, then removed.
#
# Needs: wine (Debian: `dpkg --add-architecture i386; apt-get install wine wine32`), npm,
# osslsigncode and openssl, installed here when missing and running as root. The compiler is
# installed once into $PARTNER_DESK_TOOLS (default ~/.cache/partner-desk-tools), with its own
# Wine prefix.
# SC2016, SC1003: sign.sh and sign.bat below are written out literally, on purpose.
# shellcheck disable=SC2016,SC1003
set -euo pipefail
cd "$(dirname "$0")/../.."

ISCC_VERSION=6.4.1
TOOLS="${PARTNER_DESK_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/partner-desk-tools}"
ISCC_HOME="$TOOLS/innosetup-$ISCC_VERSION"
ISCC="$ISCC_HOME/node_modules/innosetup/bin/ISCC.exe"
export WINEPREFIX="$TOOLS/wine"
export WINEDEBUG=-all
# No Mono or Gecko download prompt on the prefix's first start: ISCC needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
UV="${UV:-uv}"
started=$(date +%s)

can_install() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; }

if ! command -v wine >/dev/null 2>&1; then
    if can_install; then
        echo "== installing wine (Debian's wine, wine32 with the i386 architecture)"
        # Exit 2 when the tools cannot be had here (no package mirror): "not checked", which CI
        # reports without failing; a script ISCC refuses is exit 1 and fails it.
        { dpkg --add-architecture i386 && apt-get update -qq >/dev/null \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wine wine32 >/dev/null; } \
            || { echo "windows-installer-check: wine could not be installed" >&2; exit 2; }
    else
        echo "windows-installer-check: wine is missing (Debian: dpkg --add-architecture i386;" \
            "apt-get install wine wine32)" >&2
        exit 2
    fi
fi
packages=""
command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
command -v osslsigncode >/dev/null 2>&1 || packages="$packages osslsigncode"
command -v openssl >/dev/null 2>&1 || packages="$packages openssl"
if [ -n "$packages" ]; then
    if can_install; then
        echo "== installing$packages"
        # shellcheck disable=SC2086  # one package per word
        { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y \
            -qq --no-install-recommends $packages >/dev/null; } \
            || { echo "windows-installer-check: could not install$packages" >&2; exit 2; }
    else
        echo "windows-installer-check: missing$packages" >&2
        exit 2
    fi
fi
if [ ! -f "$ISCC" ]; then
    echo "== installing Inno Setup $ISCC_VERSION (npm package innosetup) into $ISCC_HOME"
    mkdir -p "$ISCC_HOME"
    npm install --prefix "$ISCC_HOME" --no-audit --no-fund --silent "innosetup@$ISCC_VERSION" \
        || { echo "windows-installer-check: npm could not install innosetup" >&2; exit 2; }
fi
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "== a Wine prefix for ISCC in $WINEPREFIX (once)"
    mkdir -p "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1 || true
fi

version=$("$UV" run --locked python -c "import desktop; print(desktop.__version__)")
# The release part (1.4.0 of 1.4.0rc1): Windows' version resources take numbers only.
file_version=$(printf '%s' "$version" | grep -oE '^[0-9]+(\.[0-9]+){0,3}')

work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
bundle=dist/partner-desk
if [ -f "$bundle/partner-desk.exe" ] && [ -f "$bundle/partner-desk-console.exe" ]; then
    echo "== compiling against the Windows bundle in $bundle"
else
    # Same names as a Windows bundle; setup never runs here. The executables are a small
    # unsigned Windows program (one of ISCC's own, its signature removed), so the sign tool has
    # a real executable to sign and signonce does not skip it.
    echo "== no Windows bundle in $bundle: compiling against a stand-in folder"
    bundle="$work/stand-in"
    mkdir -p "$bundle/_internal"
    for file in partner-desk.exe partner-desk-console.exe; do
        osslsigncode remove-signature -in "$(dirname "$ISCC")/islzma32.exe" \
            -out "$bundle/$file" >/dev/null
    done
    printf 'stand-in\n' >"$bundle/_internal/python313.dll"
fi

# ISCC takes Windows paths: Wine maps the Unix root to drive Z:.
winpath() { printf 'Z:%s' "$(realpath "$1" | tr / '\\')"; }
iss=$(winpath installer/windows/partner-desk.iss)
common=("/DAppVersion=$version" "/DFileVersion=$file_version" "/DBundle=$(winpath "$bundle")")

compile() {
    local label=$1 out=$2
    shift 2
    mkdir -p "$out"
    local log="$work/compile.log" step_started setup
    step_started=$(date +%s)
    if ! wine "$ISCC" /Q "/O$(winpath "$out")" "${common[@]}" "$@" "$iss" >"$log" 2>&1; then
        tr -d '\r' <"$log"
        cat "$work/sign.sh.err" 2>/dev/null || true
        echo "windows-installer-check: ISCC failed ($label)" >&2
        exit 1
    fi
    setup=$(find "$out" -name '*-setup.exe' | head -1)
    if [ -z "$setup" ]; then
        echo "windows-installer-check: ISCC made no setup.exe ($label)" >&2
        exit 1
    fi
    echo "$label: $(basename "$setup"), $(stat -c %s "$setup") bytes," \
        "compiled in $(($(date +%s) - step_started)) s"
}

compile unsigned "$work/unsigned"

# The signed branch. ISCC runs the sign tool and waits for it; Wine's cmd starts a Unix program
# as it would a Windows one but does not wait for it, nor pass its exit code on. So the sign
# tool is a batch file: it starts sign.sh (which maps ISCC's Windows path back, signs the file
# in place, then leaves a .done mark, and a .failed one on an error) and waits for the mark.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=Partner Desk check signing" \
    -addext extendedKeyUsage=codeSigning -keyout "$work/key.pem" -out "$work/cert.pem" \
    2>/dev/null
: >"$work/signed.txt"
{
    echo '#!/bin/sh'
    echo 'file=${1#\"}'
    echo 'file=$(winepath -u "${file%\"}")'
    echo 'trap '"'"'touch "$file.done"'"'"' EXIT'
    echo "osslsigncode sign -certs '$work/cert.pem' -key '$work/key.pem' -h sha256 \\"
    echo '    -n "Partner Desk" -in "$file" -out "$file.signed" >/dev/null 2>>"$0.err" \'
    echo '    && mv "$file.signed" "$file" || { touch "$file.failed"; exit 1; }'
    echo "basename \"\$file\" >>'$work/signed.txt'"
} >"$work/sign.sh"
chmod +x "$work/sign.sh"
{
    echo '@echo off'
    echo 'del "%~1.done" "%~1.failed" 2>nul'
    echo "$(winpath "$work/sign.sh") %1"
    echo 'set n=0'
    echo ':wait'
    echo 'if exist "%~1.done" goto done'
    echo 'set /a n+=1'
    echo 'if %n% lss 200000 goto wait'
    echo 'exit /b 2'
    echo ':done'
    echo 'del "%~1.done"'
    echo 'if exist "%~1.failed" exit /b 1'
    echo 'exit /b 0'
} | sed 's/$/\r/' >"$work/sign.bat"
compile "signed (throwaway certificate)" "$work/signed" /DSIGN \
    "/Ssigntool=cmd.exe /c $(winpath "$work/sign.bat") \$f"
signed_setup=$(find "$work/signed" -name '*-setup.exe' | head -1)
if ! osslsigncode verify -CAfile "$work/cert.pem" -in "$signed_setup" >"$work/verify.txt" 2>&1
then
    cat "$work/verify.txt"
    echo "windows-installer-check: the signed setup's signature does not verify" >&2
    exit 1
fi
signed_files=$(tr '\n' ' ' <"$work/signed.txt")
# ISCC signs the uninstaller and setup under temporary names; the executables keep theirs.
for expected in partner-desk.exe partner-desk-console.exe; do
    if ! grep -qx "$expected" "$work/signed.txt"; then
        echo "windows-installer-check: $expected was not signed (signed: $signed_files)" >&2
        exit 1
    fi
done
echo "signed: $(wc -l <"$work/signed.txt") files: ${signed_files% }; setup's signature verifies"

echo "windows-installer-check: ok, ISCC $ISCC_VERSION under $(wine --version)," \
    "$(($(date +%s) - started)) s in all"
