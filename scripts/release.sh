#!/usr/bin/env bash
# Releases, as docs/releasing.md describes. The release workflow (.github/workflows/release.yml)
# runs this script's --check and --notes, so the two cannot disagree about what a release is.
#
#   scripts/release.sh X.Y.Z          prepare the release commit: the version in package.json,
#                                     package-lock.json and src/version.ts, dist/ rebuilt, --check,
#                                     npm test, then commit "Release vX.Y.Z" (no tag)
#   scripts/release.sh --tag X.Y.Z    on the release commit once it is on main: --check, npm test,
#                                     then the annotated tag vX.Y.Z (pushing it starts the workflow)
#   scripts/release.sh --check X.Y.Z  this commit is release X.Y.Z: package.json, package-lock.json
#                                     and src/version.ts say X.Y.Z, CHANGELOG.md has its section, and
#                                     dist/ is byte for byte what the source builds
#   scripts/release.sh --notes X.Y.Z  print CHANGELOG.md's section for X.Y.Z (the release notes)
#
# The GitHub Release, the build provenance attestation and the major tag vX come from the workflow;
# this script never pushes and never moves a major tag.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/release.sh [--check | --notes | --tag] X.Y.Z" >&2
  exit 2
}
fail() {
  echo "release: $*" >&2
  exit 1
}

mode=prepare
case "${1:-}" in
  --check | --notes | --tag)
    mode="${1#--}"
    shift
    ;;
esac
version="${1:-}"
[ $# -eq 1 ] || usage
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || usage
tag="v$version"

# The body of '## [X.Y.Z]' up to the next '## ' heading, without leading or trailing blank lines.
notes() {
  awk -v heading="## [$version]" '
    index($0, heading) == 1 { found = 1; next }
    found && /^## / { exit }
    found { lines[++n] = $0 }
    END {
      first = 1; while (first <= n && lines[first] ~ /^[[:space:]]*$/) first++
      last = n; while (last >= first && lines[last] ~ /^[[:space:]]*$/) last--
      for (i = first; i <= last; i++) print lines[i]
    }' CHANGELOG.md
}

check() {
  local said
  said="$(node -p 'require("./package.json").version')"
  [ "$said" = "$version" ] || fail "package.json says $said, not $version"
  said="$(node -p 'require("./package-lock.json").version')"
  [ "$said" = "$version" ] || fail "package-lock.json says $said, not $version"
  said="$(sed -n "s/^export const ACTION_VERSION = '\(.*\)';$/\1/p" src/version.ts)"
  [ "$said" = "$version" ] || fail "src/version.ts says ${said:-nothing}, not $version"
  [ -n "$(notes)" ] || fail "CHANGELOG.md has no '## [$version]' section with notes; write it first"

  local fresh same=yes
  fresh="$(mktemp -d)"
  { npm run --silent build -- "$fresh" >/dev/null && diff -r dist "$fresh" >/dev/null; } || same=no
  rm -rf "$fresh"
  [ "$same" = yes ] || fail "dist/ is not what this source builds: run 'npm run build' and commit dist/"
  echo "release: this commit is $tag (versions, CHANGELOG section, dist/)"
}

clean_tree() {
  [ -z "$(git status --porcelain)" ] || fail "the working tree is not clean; commit or stash first"
}
no_tag_yet() {
  if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then fail "tag $tag exists already"; fi
}

case "$mode" in
  notes)
    text="$(notes)"
    [ -n "$text" ] || fail "CHANGELOG.md has no '## [$version]' section with notes"
    printf '%s\n' "$text"
    ;;
  check)
    check
    ;;
  tag)
    clean_tree
    no_tag_yet
    check
    npm test
    git tag -a "$tag" -m "Release $tag"
    echo
    echo "Tagged $tag at $(git rev-parse --short HEAD). Start the release workflow with:"
    echo "  git push origin $tag"
    ;;
  prepare)
    clean_tree
    no_tag_yet
    [ -n "$(notes)" ] || fail "CHANGELOG.md has no '## [$version]' section with notes; write it first"
    npm pkg set version="$version"
    sed -i.bak "s/^export const ACTION_VERSION = '.*';/export const ACTION_VERSION = '$version';/" src/version.ts
    rm -f src/version.ts.bak
    npm install --package-lock-only --no-audit --no-fund >/dev/null
    npm run build
    check
    npm test
    git add package.json package-lock.json src/version.ts dist
    git commit -m "Release $tag"
    echo
    echo "Committed the release of $tag. Next (docs/releasing.md): open a pull request with this"
    echo "commit; once it is merged, run the Release workflow from main with version $version:"
    echo "  gh workflow run release.yml --ref main -f version=$version"
    ;;
esac
