#!/usr/bin/env bash
# Pack the PyInstaller .app (BUNDLE in packaging/posenc-gui.spec) with the real models into a compressed .dmg with
# an Applications link for drag-to-install. macOS only (hdiutil). packaging/build.py calls it:
#
#   bash packaging/macos/make_dmg.sh "dist/PosEnc Explorer.app" build/models dist/posenc-gui-0.1.0-macos-arm64.dmg
#
# The models (one folder per model, as packaging/build.py stages them) go into the copy's Contents/Resources/models,
# where the frozen app looks for them (posenc_gui.core.real_models.base.frozen_app_models_dir): they move with the
# .app when it is dragged to Applications, and the app works offline. The copy is then signed again, since adding
# files breaks the seal of PyInstaller's ad-hoc signature: with MACOS_SIGN_IDENTITY (a "Developer ID Application:
# ..." identity in the keychain) and the hardened runtime, else ad hoc. Notarisation is left to the release manager.
set -euo pipefail

if [[ "$(uname)" != "Darwin" ]]; then
    echo "make_dmg.sh runs only on macOS (it needs hdiutil)" >&2
    exit 2
fi
if [[ $# -ne 3 ]]; then
    echo "usage: make_dmg.sh APP_BUNDLE MODELS_DIR OUTPUT_DMG" >&2
    exit 2
fi
app=$1
models=$2
out=$3
if [[ ! -d "$models" ]]; then
    echo "make_dmg.sh: the models folder $models does not exist" >&2
    exit 2
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
bundle="$stage/$(basename "$app")"
cp -R "$app" "$stage/"
cp -R "$models" "$bundle/Contents/Resources/models"
ln -s /Applications "$stage/Applications"
if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    codesign --deep --force --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$bundle"
else
    codesign --deep --force --sign - "$bundle"
fi
codesign --verify --deep --strict "$bundle"
rm -f "$out"
hdiutil create -volname "PosEnc Explorer" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
echo "$out"
