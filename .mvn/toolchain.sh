# Sourced by ./mvnw and ./nightshift: finds a JDK and a Maven recent enough for this build.
# It names no download host: Maven fetches its own newer release from the repository it is
# already configured to use.

NIGHTSHIFT_MIN_JAVA=21
NIGHTSHIFT_MAVEN_VERSION=3.9.16
NIGHTSHIFT_MIN_MAVEN=3.9.12

# Prints the feature release (17, 21, 25, ...) of the JDK whose home is $1, or nothing.
jdk_release() {
  local home=$1
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME to a JDK of release NIGHTSHIFT_MIN_JAVA or newer: the given JAVA_HOME if it is
# one, else the newest under /usr/lib/jvm (or NIGHTSHIFT_JDK_ROOT).
find_jdk() {
  local release
  if [ -n "${JAVA_HOME:-}" ]; then
    release=$(jdk_release "$JAVA_HOME")
    if [ -n "$release" ] && [ "$release" -ge "$NIGHTSHIFT_MIN_JAVA" ]; then
      export JAVA_HOME
      return 0
    fi
    echo "nightshift: JAVA_HOME=$JAVA_HOME is not a JDK $NIGHTSHIFT_MIN_JAVA or newer; looking elsewhere" >&2
  fi
  local root=${NIGHTSHIFT_JDK_ROOT:-/usr/lib/jvm} best="" best_release=0 home
  for home in "$root"/*; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    release=$(jdk_release "$home")
    if [ -n "$release" ] && [ "$release" -ge "$NIGHTSHIFT_MIN_JAVA" ] && [ "$release" -gt "$best_release" ]; then
      best=$home
      best_release=$release
    fi
  done
  if [ -z "$best" ]; then
    echo "nightshift: no JDK $NIGHTSHIFT_MIN_JAVA or newer found (JAVA_HOME unset or too old, none under $root)." >&2
    echo "nightshift: install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# True when version $1 >= version $2 (dotted numbers).
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

maven_version() {
  "$1" --version 2>/dev/null | sed -n 's/.*Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n 1
}

# Sets NIGHTSHIFT_MVN to a Maven of NIGHTSHIFT_MIN_MAVEN or newer: the one on PATH, else one
# cached under ~/.m2/wrapper, else the org.apache.maven:apache-maven bin distribution fetched
# through the machine's own (older) Maven and unpacked into that cache.
find_maven() {
  local system cached dists tmp version
  system=$(command -v mvn || true)
  if [ -n "$system" ]; then
    version=$(maven_version "$system")
    if [ -n "$version" ] && version_at_least "$version" "$NIGHTSHIFT_MIN_MAVEN"; then
      NIGHTSHIFT_MVN=$system
      return 0
    fi
  fi
  dists="${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists"
  cached="$dists/apache-maven-$NIGHTSHIFT_MAVEN_VERSION/bin/mvn"
  if [ ! -x "$cached" ]; then
    if [ -z "$system" ]; then
      echo "nightshift: Maven $NIGHTSHIFT_MIN_MAVEN or newer is needed and no mvn is on PATH to fetch it with." >&2
      echo "nightshift: install Maven (for example: apt-get install maven) and run again." >&2
      return 1
    fi
    echo "nightshift: fetching Maven $NIGHTSHIFT_MAVEN_VERSION through $system (${version:-unknown version}) into $dists" >&2
    tmp=$(mktemp -d)
    # Run from an empty directory so the older Maven does not try to read this project's POMs.
    if ! (cd "$tmp" && "$system" -q -B \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.apache.maven:apache-maven:$NIGHTSHIFT_MAVEN_VERSION:tar.gz:bin" \
      -DoutputDirectory="$tmp/out" >&2); then
      rm -rf "$tmp"
      echo "nightshift: could not fetch org.apache.maven:apache-maven:$NIGHTSHIFT_MAVEN_VERSION" >&2
      return 1
    fi
    mkdir -p "$dists"
    tar -xzf "$tmp/out/apache-maven-$NIGHTSHIFT_MAVEN_VERSION-bin.tar.gz" -C "$dists"
    rm -rf "$tmp"
  fi
  NIGHTSHIFT_MVN=$cached
}
