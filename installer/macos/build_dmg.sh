#!/usr/bin/env bash
# Build "dist/Partner Desk-<version>.dmg" from "dist/Partner Desk.app" (made by `make bundle`
# on a Mac), signing and notarizing it when the credentials are in the environment.
#
#   make dmg                       # = make bundle, then this script
#   installer/macos/build_dmg.sh   # the .app is already built
#
# Environment (all optional; without them the .dmg is built unsigned, and says so):
#   CODESIGN_IDENTITY   a "Developer ID Application: <name> (<team id>)" identity in the keychain
#   NOTARY_PROFILE      a notarytool keychain profile (`xcrun notarytool store-credentials`), or
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   the same credentials given directly
#
# Order: sign every binary inside the app (inside-out, hardened runtime), sign the app, make
# the .dmg, sign it, submit it to Apple's notary service, wait, staple the ticket to the .dmg.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(uname -s)" != Darwin ]; then
    echo "build_dmg.sh: macOS only (hdiutil, codesign, notarytool); this is $(uname -s)." >&2
    exit 2
fi

APP="dist/Partner Desk.app"
VOLUME="Partner Desk"
ENTITLEMENTS="installer/macos/entitlements.plist"
if [ ! -d "$APP" ]; then
    echo "build_dmg.sh: no $APP; run 'make bundle' first." >&2
    exit 1
fi
VERSION=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist")
DMG="dist/Partner Desk-$VERSION.dmg"
IDENTITY="${CODESIGN_IDENTITY:-}"

sign() {
    codesign --force --timestamp --options runtime --sign "$IDENTITY" "$@"
}

if [ -n "$IDENTITY" ]; then
    echo "== signing $APP as '$IDENTITY'"
    # Inside-out: loose Mach-O files (Python extensions, dylibs) first, then the Qt frameworks,
    # then the app with its entitlements. `codesign --deep` would sign in no defined order.
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then
            sign "$file"
        fi
    done < <(find "$APP/Contents" -type f ! -path "*.framework/*" -print0)
    while IFS= read -r -d '' framework; do
        sign "$framework"
    done < <(find "$APP/Contents" -type d -name "*.framework" -prune -print0)
    sign --entitlements "$ENTITLEMENTS" "$APP"
    codesign --verify --strict --deep --verbose=2 "$APP"
else
    echo "== CODESIGN_IDENTITY is not set: the app and the .dmg stay unsigned"
    echo "   (Gatekeeper will refuse them on other Macs; fine for a local test)."
fi

echo "== building $DMG"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$APP" "$staging/$(basename "$APP")"
ln -s /Applications "$staging/Applications"  # drag-to-install
rm -f "$DMG"
hdiutil create -volname "$VOLUME" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$DMG"

if [ -z "$IDENTITY" ]; then
    echo "== notarization skipped: it needs a signed app (set CODESIGN_IDENTITY)"
    echo "$DMG"
    exit 0
fi
sign "$DMG"

if [ -n "${NOTARY_PROFILE:-}" ]; then
    credentials=(--keychain-profile "$NOTARY_PROFILE")
elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    credentials=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
else
    echo "== notarization skipped: set NOTARY_PROFILE, or APPLE_ID, APPLE_TEAM_ID and"
    echo "   APPLE_APP_PASSWORD. The .dmg is signed but Gatekeeper will warn until it is notarized."
    echo "$DMG"
    exit 0
fi

echo "== notarizing (this waits for Apple's answer, usually a few minutes)"
result=$(xcrun notarytool submit "$DMG" "${credentials[@]}" --wait --output-format json)
echo "$result"
status=$(plutil -extract status raw -o - - <<<"$result")
if [ "$status" != Accepted ]; then
    # The log says which binary Apple rejected and why (unsigned, no hardened runtime...).
    xcrun notarytool log "$(plutil -extract id raw -o - - <<<"$result")" "${credentials[@]}"
    echo "build_dmg.sh: notarization ended '$status'" >&2
    exit 1
fi
xcrun stapler staple "$DMG"
xcrun stapler validate "$DMG"
spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
echo "$DMG"
