#!/usr/bin/env bash
# Cuts a release: `scripts/release.sh 1.2.3`.
# Checks that the tree is clean and tested and that dist/ is fresh, sets the version in
# package.json and src/version.ts, commits, tags v1.2.3 and moves the major tag v1 to it.
# Pushing stays a deliberate, separate step (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: scripts/release.sh X.Y.Z" >&2
  exit 2
fi
major="v${version%%.*}"
tag="v$version"

if [ -n "$(git status --porcelain)" ]; then
  echo "The working tree is not clean; commit or stash first." >&2
  exit 1
fi
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  echo "Tag $tag exists already." >&2
  exit 1
fi
if ! grep -q "^## \[$version\]" CHANGELOG.md; then
  echo "CHANGELOG.md has no '## [$version]' section; write it first." >&2
  exit 1
fi

npm pkg set version="$version"
sed -i "s/^export const ACTION_VERSION = '.*';/export const ACTION_VERSION = '$version';/" src/version.ts
npm install --package-lock-only --no-audit --no-fund >/dev/null
npm run build
npm test

git add package.json package-lock.json src/version.ts dist
git commit -m "Release $tag"
git tag -a "$tag" -m "Release $tag"
git tag -fa "$major" -m "Release $tag (moving major tag)"

echo
echo "Tagged $tag and moved $major. Publish with:"
echo "  git push origin HEAD $tag && git push --force origin $major"
