#!/usr/bin/env bash
# Installs what the e2e tests and the benchmark drive besides Node: Apache ZooKeeper (zkCli.sh and
# a standalone server), Chromium (the dashboard tests) and kazoo (python3-kazoo, the TLS tests),
# from Debian's packages. Idempotent; does nothing where it cannot install.
set -euo pipefail

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
if ! installed zookeeper || ! command -v java >/dev/null 2>&1; then missing+=(zookeeper); fi
if ! installed chromium || [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! installed python3-kazoo; then missing+=(python3-kazoo); fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get; cannot install ${missing[*]} (the zkCli, ZooKeeper bench and dashboard tests need them)" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "install-test-deps: not root; run 'apt-get install -y ${missing[*]}' to enable the tests that need them" >&2
    exit 0
  fi
else
  SUDO=()
fi
export DEBIAN_FRONTEND=noninteractive
${SUDO[@]+"${SUDO[@]}"} apt-get update
${SUDO[@]+"${SUDO[@]}"} apt-get install -y --no-install-recommends "${missing[@]}"
