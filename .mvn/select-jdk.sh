# Sourced by ./mvnw and ./suite: picks a JDK 25+ so that nobody sets JAVA_HOME by hand.
# Order: JAVA_HOME if it is 25 or newer, else the newest JDK 25+ under /usr/lib/jvm
# (or $SUITE_JVM_DIR), else one clear line saying what to install, and exit 2.
suite_java_major() {
  # prints the feature release of the JDK at $1 (e.g. 17, 25), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}
suite_select_jdk() {
  _want=25
  if [ -n "${JAVA_HOME-}" ]; then
    _v=$(suite_java_major "$JAVA_HOME")
    if [ -n "$_v" ] && [ "$_v" -ge "$_want" ]; then return 0; fi
  fi
  _best="" _best_v=0
  _restore_f=$(case $- in *f*) echo 1;; esac)
  set +f
  for _d in "${SUITE_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$_d" ] && [ ! -L "$_d" ] || continue
    _v=$(suite_java_major "$_d")
    if [ -n "$_v" ] && [ "$_v" -ge "$_want" ] && [ "$_v" -gt "$_best_v" ]; then _best=$_d _best_v=$_v; fi
  done
  [ -z "$_restore_f" ] || set -f
  if [ -z "$_best" ]; then
    echo "error: JDK $_want or newer is required (JAVA_HOME=${JAVA_HOME:-unset}, none under ${SUITE_JVM_DIR:-/usr/lib/jvm}); install one, e.g. 'apt-get install temurin-25-jdk', or set JAVA_HOME to it." >&2
    exit 2
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
suite_select_jdk
