#!/usr/bin/env bash
# The Debian packages jixiao needs, in one place; `make install/demo/test` and .ci/run call this.
#
#   scripts/system-packages.sh venv|demo|test [--list]
#
# venv: what creating the virtualenv needs; demo: + what the web app and its PDF output need;
# test: + what the whole suite needs (a real Chromium, poppler, PostgreSQL 15, LibreOffice, and gcc with
# the Python headers for the optional compiled reader that `make test-compiled` builds).
# Missing packages are installed with apt-get when run as root (one `apt-get update`); otherwise the
# script prints one line saying what to install and fails. JIXIAO_SKIP_SYSTEM_PACKAGES=1 skips it.
set -euo pipefail

VENV_PACKAGES="python3-venv"
DEMO_PACKAGES="$VENV_PACKAGES fontconfig fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0"
TEST_PACKAGES="$DEMO_PACKAGES chromium poppler-utils postgresql libreoffice-calc-nogui libreoffice-writer-nogui gcc python3-dev"

case "${1:-test}" in
  venv) wanted=$VENV_PACKAGES ;;
  demo) wanted=$DEMO_PACKAGES ;;
  test) wanted=$TEST_PACKAGES ;;
  *) echo "usage: $0 venv|demo|test [--list]" >&2; exit 2 ;;
esac

if [ "${2:-}" = "--list" ]; then
  echo "$wanted"
  exit 0
fi
if [ "${JIXIAO_SKIP_SYSTEM_PACKAGES:-}" = "1" ]; then
  exit 0
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "jixiao: 不是 Debian/Ubuntu 系统，请自行安装对应的软件包：$wanted" >&2
  exit 0
fi

missing=()
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "jixiao: 安装系统软件包 ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "jixiao: 缺少系统软件包，请先运行：sudo apt-get install -y ${missing[*]}（或设 JIXIAO_SKIP_SYSTEM_PACKAGES=1 跳过检查）" >&2
exit 1
