#!/usr/bin/env bash
# Refresh the vendored Free Law Project reference data in data/ from PyPI wheels.
#
#   scripts/refresh-data.sh [REPORTERS_DB_VERSION] [COURTS_DB_VERSION]
#
# Defaults to the pinned versions below. Downloads the two wheels with `pip download --no-deps`,
# unpacks them, copies the data files pleader compiles in (see data/README.md) plus the upstream
# LICENSE, and rewrites each VERSION file (package, version, wheel name and sha256, date, and the
# sha256 of every vendored file). Nothing here runs during a normal build: build.rs reads only
# the files already in data/.
#
# Afterwards: run `cargo test` — buildsrc/refdata.rs checks its curated tables against the new
# data and fails the build with a message naming anything that no longer exists — then review
# `git diff --stat data/` and update the pins below.
set -euo pipefail

REPORTERS_DB_PIN="3.2.67"
COURTS_DB_PIN="0.10.27"

reporters_version="${1:-$REPORTERS_DB_PIN}"
courts_version="${2:-$COURTS_DB_PIN}"

root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/data"
python="${PYTHON:-python3}"
pip=("$python" -m pip)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

# vendor PACKAGE VERSION MODULE DEST FILE...
#   PACKAGE: the PyPI name; MODULE: the import name inside the wheel; FILE: paths under
#   MODULE/data/ to copy into data/DEST/.
vendor() {
    local package="$1" version="$2" module="$3" dest="$4"
    shift 4
    local dl="$tmp/$package"
    mkdir -p "$dl/wheel" "$dl/unpacked"
    echo "==> $package $version"
    "${pip[@]}" download --quiet --no-deps --only-binary=:all: --dest "$dl/wheel" "$package==$version"
    local wheel
    wheel="$(find "$dl/wheel" -name '*.whl' | head -n 1)"
    if [ -z "$wheel" ]; then
        echo "error: pip did not produce a wheel for $package==$version" >&2
        exit 1
    fi
    "$python" -m zipfile -e "$wheel" "$dl/unpacked"

    local out="$data/$dest"
    mkdir -p "$out"
    # Remove previously vendored JSON so that files dropped from the list do not linger.
    find "$out" -maxdepth 1 -name '*.json' -delete
    local file
    for file in "$@"; do
        local src="$dl/unpacked/$module/data/$file"
        if [ ! -f "$src" ]; then
            echo "error: $package $version has no $module/data/$file" >&2
            exit 1
        fi
        cp "$src" "$out/$file"
    done
    local license
    license="$(find "$dl/unpacked" -path '*.dist-info/*' -name 'LICENSE*' | head -n 1)"
    if [ -z "$license" ]; then
        echo "error: no LICENSE in the $package wheel" >&2
        exit 1
    fi
    cp "$license" "$out/LICENSE"

    {
        echo "# Written by scripts/refresh-data.sh; do not edit by hand."
        echo "package: $package"
        echo "version: $version"
        echo "wheel: $(basename "$wheel")"
        echo "wheel_sha256: $(sha256 "$wheel")"
        echo "fetched: $(date -u +%Y-%m-%d)"
        echo "license: BSD-2-Clause (LICENSE)"
        for file in "$@"; do
            echo "file: $file sha256=$(sha256 "$out/$file")"
        done
    } >"$out/VERSION"
    echo "    $(basename "$wheel") -> data/$dest/"
}

vendor reporters-db "$reporters_version" reporters_db reporters-db reporters.json state_abbreviations.json
vendor courts-db "$courts_version" courts_db courts-db courts.json

echo "Done. Now run 'cargo test' and review 'git diff --stat data/'."
