# Finds a JDK 21+ for the build and the launcher. Sourced (POSIX sh) by ./mvnw and ./matchwave.
#
# Maven itself runs on it, not only the compiler: maven-jar-plugin stamps a modular jar with the
# jar tool of Maven's own JVM, and a Java 17 jar tool cannot read a Java 21 module-info.class.
#
# Where it looks: JAVA_HOME (taken as the user's choice when it is 21+), the java on PATH,
# /usr/lib/jvm, ~/.jdks, SDKMAN, /opt/java and the usual macOS folder; the newest JDK 21+ wins.

MATCHWAVE_MIN_JAVA=21

# Major version of the JDK at $1, from its `release` file (or `java -version` as a fallback).
matchwave_jdk_major() {
  [ -x "$1/bin/java" ] || return 1
  _mw_v=""
  if [ -f "$1/release" ]; then
    _mw_v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")"
  fi
  if [ -z "$_mw_v" ]; then
    _mw_v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  _mw_v="${_mw_v#1.}"
  _mw_v="${_mw_v%%[.+-]*}"
  case "$_mw_v" in '' | *[!0-9]*) return 1 ;; esac
  echo "$_mw_v"
}

# Prints the home of the JDK to use, or returns 1 when there is no JDK 21+.
matchwave_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    _mw_major="$(matchwave_jdk_major "$JAVA_HOME" 2>/dev/null || true)"
    if [ -n "$_mw_major" ] && [ "$_mw_major" -ge "$MATCHWAVE_MIN_JAVA" ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  _mw_best=""
  _mw_best_major=0
  _mw_on_path=""
  if command -v java >/dev/null 2>&1; then
    _mw_on_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  # The globs must expand even where the caller has turned globbing off (mvnw runs with set -f).
  case "$-" in *f*) _mw_noglob=1; set +f ;; *) _mw_noglob=0 ;; esac
  for _mw_home in "$_mw_on_path" /usr/lib/jvm/* "${HOME:-/nonexistent}"/.jdks/* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
                  /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$_mw_home" ] && [ -d "$_mw_home" ] || continue
    _mw_major="$(matchwave_jdk_major "$_mw_home" 2>/dev/null || true)"
    if [ -n "$_mw_major" ] && [ "$_mw_major" -ge "$MATCHWAVE_MIN_JAVA" ] \
        && [ "$_mw_major" -gt "$_mw_best_major" ]; then
      _mw_best="$_mw_home"
      _mw_best_major="$_mw_major"
    fi
  done
  [ "$_mw_noglob" = 1 ] && set -f
  [ -n "$_mw_best" ] || return 1
  echo "$_mw_best"
}
