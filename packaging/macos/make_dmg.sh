#!/usr/bin/env bash
# Pack the PyInstaller .app (BUNDLE in packaging/posenc-gui.spec) into a compressed .dmg with an
# Applications link for drag-to-install. macOS only (hdiutil). packaging/build.py calls it:
#
#   bash packaging/macos/make_dmg.sh "dist/PosEnc Explorer.app" dist/posenc-gui-0.1.0-macos-arm64.dmg
#
# Signing is optional: set MACOS_SIGN_IDENTITY (a "Developer ID Application: ..." identity in the keychain)
# to sign the .app with the hardened runtime; notarisation is left to the release manager.
set -euo pipefail

if [[ "$(uname)" != "Darwin" ]]; then
    echo "make_dmg.sh runs only on macOS (it needs hdiutil)" >&2
    exit 2
fi
if [[ $# -ne 2 ]]; then
    echo "usage: make_dmg.sh APP_BUNDLE OUTPUT_DMG" >&2
    exit 2
fi
app=$1
out=$2

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    codesign --deep --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$stage/$(basename "$app")"
fi
rm -f "$out"
hdiutil create -volname "PosEnc Explorer" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
echo "$out"
