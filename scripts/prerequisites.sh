#!/usr/bin/env bash
# Installs what building and running Fashen needs beyond the .NET SDK, when it is missing: Java and npm, which
# run the ANTLR tool that generates the threshold parser at build time, and the font of the opinion PDFs.
# Sourced by ./fashen and scripts/test.sh.

prerequisites_log() { printf '==> %s\n' "$*" >&2; }

prerequisites_apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  prerequisites_log "installing $* with apt"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

install_prerequisites() {
  command -v java >/dev/null 2>&1 || prerequisites_apt_install openjdk-17-jre-headless || return 1
  # npm fetches the ANTLR tool (package antlr4ng-cli, pinned in tools/antlr/package-lock.json).
  command -v npm >/dev/null 2>&1 || prerequisites_apt_install nodejs npm || return 1
  command -v dotnet >/dev/null 2>&1 || { echo "the .NET SDK (see global.json) is required" >&2; return 1; }
  # The review opinion PDFs embed these TrueType fonts (Fashen:OpinionFont, OpinionLatinFont); without them they are not made.
  dpkg -s fonts-droid-fallback fonts-dejavu-core >/dev/null 2>&1 || prerequisites_apt_install fonts-droid-fallback fonts-dejavu-core || return 1
}
