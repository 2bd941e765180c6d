#!/usr/bin/env bash
# Installs what the e2e tests and the benchmark drive besides Node: Apache ZooKeeper (zkCli.sh and
# a standalone server, from Debian's package). Idempotent; does nothing where it cannot install.
set -euo pipefail

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

if installed zookeeper && command -v java >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get; the zkCli tests and the ZooKeeper bench will be skipped" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "install-test-deps: not root; run 'apt-get install -y zookeeper' to enable the zkCli tests" >&2
    exit 0
  fi
else
  SUDO=()
fi
export DEBIAN_FRONTEND=noninteractive
${SUDO[@]+"${SUDO[@]}"} apt-get update
${SUDO[@]+"${SUDO[@]}"} apt-get install -y --no-install-recommends zookeeper
