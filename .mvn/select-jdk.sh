# Sourced by ./mvnw and ./suite: picks a JDK 25 so that nobody sets JAVA_HOME by hand.
# Exactly 25, not "25 or newer": virtual-threads-impl is compiled with --enable-preview, and
# preview class files run only on the release that compiled them (a 26 refuses 25's).
# Order: JAVA_HOME if it is a JDK 25, else the newest JDK 25 under /usr/lib/jvm (or
# $SUITE_JVM_DIR), else one line on stderr saying what to install, and exit 2.
# A JAVA_HOME of another release (17, 26, ...) is passed over quietly when a 25 is found.
suite_java_version() {
  # prints the version of the JDK at $1 (e.g. 25.0.1, 26), or nothing when $1 is not a JDK
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1
  fi
}
suite_version_key() {
  # 25.0.3 -> 25000003000 (feature, interim, update, patch), to compare updates of one release
  echo "$1" | awk -F. '{ printf "%d%03d%03d%03d\n", $1, $2, $3, $4 }'
}
suite_select_jdk() {
  _want=25
  if [ -n "${JAVA_HOME-}" ]; then
    _v=$(suite_java_version "$JAVA_HOME")
    if [ "${_v%%.*}" = "$_want" ]; then export JAVA_HOME; return 0; fi
  fi
  _best="" _best_key=0 _others=""
  _restore_f=$(case $- in *f*) echo 1;; esac)
  set +f
  for _d in "${SUITE_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$_d" ] && [ ! -L "$_d" ] || continue
    _v=$(suite_java_version "$_d")
    [ -n "$_v" ] || continue
    if [ "${_v%%.*}" = "$_want" ]; then
      _key=$(suite_version_key "$_v")
      if [ "$_key" -gt "$_best_key" ]; then _best=$_d _best_key=$_key; fi
    else
      _others="$_others ${_v%%.*}"
    fi
  done
  [ -z "$_restore_f" ] || set -f
  if [ -z "$_best" ]; then
    echo "error: asyncbench needs a JDK 25, exactly (its preview class files run only on 25); there is none in JAVA_HOME (${JAVA_HOME:-unset}) or under ${SUITE_JVM_DIR:-/usr/lib/jvm} (JDKs found:${_others:- none}): install one, e.g. 'apt-get install temurin-25-jdk', or set JAVA_HOME to it." >&2
    exit 2
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
suite_select_jdk
