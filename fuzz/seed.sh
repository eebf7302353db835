#!/bin/sh
# Seed the fuzz corpora from the shipped course, the test fixtures and fuzz/seeds/.
# Run from anywhere; writes fuzz/corpus/<target>/ (ignored by git). Safe to run again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus="$here/corpus"
mkdir -p "$corpus/course_module" "$corpus/course_manifest" "$corpus/progress" \
    "$corpus/sanitize" "$corpus/markup"

for f in "$root"/lessons/*.toml "$root"/tests/fixtures/mini/*.toml "$root"/tests/fixtures/commonmark/*.toml; do
    name=$(basename "$(dirname "$f")")-$(basename "$f")
    case "$(basename "$f")" in
        course.toml) cp "$f" "$corpus/course_manifest/$name" ;;
        *) cp "$f" "$corpus/course_module/$name" ;;
    esac
    # Whole files are good raw text for the sanitizer and the markup parser too.
    cp "$f" "$corpus/sanitize/$name"
    cp "$f" "$corpus/markup/$name"
done
for f in "$root"/lessons/assets/* "$root"/tests/fixtures/mini/assets/*; do
    cp "$f" "$corpus/sanitize/asset-$(basename "$f")"
done
cp "$here"/seeds/progress/*.toml "$corpus/progress/"
# Hostile text: escape sequences, C1, bidi controls, CR LF, tabs, wide characters.
printf 'a\033]52;c;SGVsbG8=\007b\033[2Jc\302\233d\342\200\256e\r\nf\tg\n\346\274\242\360\237\221\213\n' \
    > "$corpus/sanitize/hostile.txt"
cp "$corpus/sanitize/hostile.txt" "$corpus/markup/hostile.txt"
# CommonMark character references that decode to controls, in every element.
printf '# h&#27;[2J\n\n| a&#7; | b |\n|---|--:|\n| `&#x9b;` | [l](u&#27;) |\n\n```x&#27;\ny\n```\n\n- &#x202e;\n  1. z\n' \
    > "$corpus/markup/references.md"
# Regression inputs kept by earlier runs, if any.
if [ -d "$root/tests/fixtures/fuzz" ]; then
    for d in "$root"/tests/fixtures/fuzz/*/; do
        [ -d "$d" ] || continue
        t=$(basename "$d")
        [ -d "$corpus/$t" ] && cp "$d"* "$corpus/$t/" 2>/dev/null || true
    done
fi
for t in course_module course_manifest progress sanitize markup; do
    echo "$t: $(ls "$corpus/$t" | wc -l) seeds"
done
