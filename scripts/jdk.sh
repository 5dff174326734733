# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21, and MACSEC_JDK_MAJOR its version.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm.
# The launcher sources this on every start, so it reads each JDK's release file with shell builtins: a subshell and a
# sed per JDK cost ~35 ms of every run.

# Sets MACSEC_JDK_MAJOR to the feature version of the JDK at $1 (empty when it cannot tell).
macsec_jdk_major_of() {
  local line v=
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      case $line in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
    done < "$1/release"
  fi
  # a JDK without a release file (none since 9 ships one): ask java itself, a JVM start
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  v=${v#1.}
  v=${v%%[!0-9]*}
  MACSEC_JDK_MAJOR=$v
}
macsec_find_jdk() {
  local cand best="" best_major=0
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    macsec_jdk_major_of "$cand"
    [ -n "$MACSEC_JDK_MAJOR" ] || continue
    if [ "$cand" = "${JAVA_HOME:-}" ] && [ "$MACSEC_JDK_MAJOR" -ge 21 ]; then best=$cand; best_major=$MACSEC_JDK_MAJOR; break; fi
    if [ "$MACSEC_JDK_MAJOR" -ge 21 ] && [ "$MACSEC_JDK_MAJOR" -gt "$best_major" ]; then best=$cand; best_major=$MACSEC_JDK_MAJOR; fi
  done
  if [ -z "$best" ]; then
    echo "macsec: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME=$best
  export MACSEC_JDK_MAJOR=$best_major
  export PATH="$JAVA_HOME/bin:$PATH"
}
