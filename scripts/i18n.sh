#!/bin/sh
# Extract every translatable string, merge it into the catalogs, compile the .mo files (committed,
# so the app runs without a build step). Usage: scripts/i18n.sh [--check]
#   --check: fail when a Japanese string is missing or fuzzy (for CI).
set -eu
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
[ -x "$PYBABEL" ] || PYBABEL=pybabel
T=webapp/translations
"$PYBABEL" extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
  --project=tanaoroshi --copyright-holder=tanaoroshi -o "$T/messages.pot" webapp templates >/dev/null
for lang in ja en; do
  if [ -f "$T/$lang/LC_MESSAGES/messages.po" ]; then
    "$PYBABEL" update --no-fuzzy-matching -i "$T/messages.pot" -d "$T" -l "$lang"
  else
    "$PYBABEL" init -i "$T/messages.pot" -d "$T" -l "$lang"
  fi
done
"$PYBABEL" compile -d "$T" >/dev/null
if [ "${1:-}" = "--check" ]; then
  .venv/bin/python - "$T/ja/LC_MESSAGES/messages.po" <<'PY'
import sys
from babel.messages.pofile import read_po
with open(sys.argv[1], "rb") as fh:
    catalog = read_po(fh)
missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
if missing:
    sys.exit("untranslated Japanese strings:\n  " + "\n  ".join(map(str, missing)))
print(f"ja: {len(catalog)} strings, all translated")
PY
fi
