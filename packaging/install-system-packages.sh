#!/usr/bin/env bash
# Debian-family system packages the app and its tests need: CJK fonts, PDF tools, Qt runtime.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2046
apt-get install -y -qq --no-install-recommends $(grep -v '^#' "$here/debian-packages.txt")
