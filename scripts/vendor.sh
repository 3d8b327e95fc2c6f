#!/bin/sh
# Refresh static/vendor/ from node_modules (versions pinned in package.json / package-lock.json).
# Usage: scripts/vendor.sh        (runs `npm ci` first when node_modules is missing)
set -eu
cd "$(dirname "$0")/.."
[ -d node_modules/barcode-detector ] || npm ci --no-audit --no-fund
out=static/vendor
rm -rf "$out"
mkdir -p "$out/barcode-detector"

cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx.min.js"
# The ponyfill imports only ./zxing-exported.js; the wasm is fetched lazily from the same folder
# (static/js/decoder.js points locateFile here, so nothing comes from a CDN).
cp node_modules/barcode-detector/dist/es/ponyfill.js node_modules/barcode-detector/dist/es/zxing-exported.js \
   "$out/barcode-detector/"
cp node_modules/zxing-wasm/dist/reader/zxing_reader.wasm "$out/barcode-detector/"
for pkg in htmx.org barcode-detector zxing-wasm; do
  cp "node_modules/$pkg/LICENSE" "$out/LICENSE.$pkg" 2>/dev/null || true
done

# The glue code embeds the hash of the wasm it was built for: refuse a mismatched pair.
want=$(grep -o '"[0-9a-f]\{64\}"' "$out/barcode-detector/zxing-exported.js" | head -1 | tr -d '"')
have=$(sha256sum "$out/barcode-detector/zxing_reader.wasm" | cut -d' ' -f1)
if [ "$want" != "$have" ]; then
  echo "zxing_reader.wasm ($have) does not match the glue's expected hash ($want)" >&2
  exit 1
fi

{
  echo "Vendored by scripts/vendor.sh from node_modules; do not edit by hand."
  for pkg in htmx.org barcode-detector zxing-wasm; do
    printf '%s %s\n' "$pkg" "$(node -p "require('./node_modules/$pkg/package.json').version")"
  done
} > "$out/VERSIONS.txt"
ls -l "$out" "$out/barcode-detector"
