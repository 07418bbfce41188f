#!/usr/bin/env bash
# Debian/Ubuntu packages the tests read outputs back with, the browser the e2e suite drives, and the
# PostgreSQL the team-server tests start for themselves (never as a service).
set -euo pipefail
PKGS=(chromium poppler-utils libreoffice-writer-nogui python3-docx qpdf pandoc ripgrep libxml2-utils unzip postgresql)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
