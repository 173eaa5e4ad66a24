# Sourced by bench/scan-vs-pmd.sh and bench/precision/precision.sh: one pinned real source tree,
# the Maven Central sources jar of G:A:V, fetched with `mvn dependency:copy` on the throwaway
# bench/pmd/pom.xml into $JARS and unpacked once into $TREEDIR/<name>/ (a .unpacked marker holding
# the coordinates makes it idempotent). Needs ROOT, JARS, TREEDIR, OUT and the functions say, die.
fetch_tree() {
  local name="$1" gav="$2"
  local dest="$TREEDIR/$name"
  if [ -f "$dest/.unpacked" ] && [ "$(cat "$dest/.unpacked")" = "$gav" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "mvn is not on PATH (it fetches the sources jars)"
  local a="${gav#*:}"; a="${a%%:*}"
  local v="${gav##*:}"
  local jarfile="$JARS/$a-$v-sources.jar"
  if [ ! -s "$jarfile" ]; then
    say "fetching $gav:jar:sources from Maven Central..."
    if ! mvn -q -B -f "$ROOT/bench/pmd/pom.xml" dependency:copy "-Dartifact=$gav:jar:sources" \
        "-DoutputDirectory=$JARS" >"$OUT/fetch-$name.log" 2>&1; then
      cat "$OUT/fetch-$name.log" >&2
      die "could not fetch $gav:jar:sources (log above)"
    fi
    [ -s "$jarfile" ] || die "Maven reported success but $jarfile is missing"
  fi
  say "unpacking $(basename "$jarfile") into bench/work/trees/$name/"
  rm -rf "$dest"
  mkdir -p "$dest"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$jarfile" -d "$dest"
  else
    (cd "$dest" && jar xf "$jarfile")
  fi
  echo "$gav" >"$dest/.unpacked"
}
