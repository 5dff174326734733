# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.
macsec_jdk_major() {
  local v=
  # the release file answers at once; asking java itself costs a JVM start per JDK
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}
  echo "${v%%.*}"
}
macsec_find_jdk() {
  local cand best="" best_major=0 m
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    m=$(macsec_jdk_major "$cand")
    [ -n "$m" ] || continue
    if [ "$cand" = "${JAVA_HOME:-}" ] && [ "$m" -ge 21 ]; then best=$cand; break; fi
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best=$cand; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "macsec: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
