#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` from the build tree builds it, lintian finds no error in it,
# it holds what an installation needs (binary, module, man pages, completions, units and timers,
# the system user, copyright, changelog), dpkg installs, upgrades and removes it in a temporary
# root (the postinst creates the user and the state directory), and the binary unpacked from it
# runs the day's basics and serves, finding its module relative to itself.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
: "${VRATHAUS_BUILD_DIR:?VRATHAUS_BUILD_DIR must point at the build tree}"
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "$tool missing: skipped"; exit 77; }
done
# The package is made from a release tree: a sanitizer build's binary is not one to ship, and a
# tree built without man pages would make a package without them.
cache=$VRATHAUS_BUILD_DIR/CMakeCache.txt
if grep -q '^ENABLE_SANITIZERS:BOOL=ON' "$cache" || grep -q '^VRATHAUS_BUILD_MAN:BOOL=OFF' "$cache"; then
  echo "a sanitizer build or one without man pages: the package is built from the release tree, skipped"
  exit 77
fi
command -v lintian >/dev/null || fail "lintian missing (scripts/install-deps.sh installs it)"

# Build the package into a directory of its own (the build tree's _CPack_Packages stays untouched).
cpack -G DEB --config "$VRATHAUS_BUILD_DIR/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1 ||
  fail "cpack failed: $(cat "$T/cpack.log")"
debs=("$T"/pkg/vrathaus_*_amd64.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || fail "expected one vrathaus_VERSION_amd64.deb: $(ls "$T/pkg")"
deb=${debs[0]}

# The control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = vrathaus ] || fail "Package: $(field Package)"
[[ "$(field Version)" =~ ^[0-9]+\.[0-9]+\.[0-9]+-[0-9]+$ ]] || fail "Version: $(field Version)"
for f in Section Priority Maintainer Description; do
  [ -n "$(field $f)" ] || fail "no $f field"
done
# dpkg-shlibdeps worked out the linked libraries; the ones loaded with dlopen (libcurl for remote
# mode, libxml2 for the bank's return files) and the postinst's tools are named.
for dep in libc6 libsqlite3-0 libssl3 libstdc++6 libcurl4 libxml2 systemd; do
  grep -q "$dep" <<<"$(field Depends)" || fail "Depends lacks $dep: $(field Depends)"
done

# lintian: no error (warnings are listed in the README). lintian 2.116 exits 0 on warnings.
lintian --fail-on error "$deb" >"$T/lintian.log" 2>&1 || fail "lintian: $(cat "$T/lintian.log")"
if grep -q '^E:' "$T/lintian.log"; then fail "lintian errors: $(cat "$T/lintian.log")"; fi

# The contents, owned by root, with the modes dpkg and lintian expect.
dpkg-deb -c "$deb" >"$T/contents"
if grep -qv ' root/root ' "$T/contents"; then fail "not owned by root: $(grep -v ' root/root ' "$T/contents")"; fi
has() { grep -qE "^$2 +root/root .* \./$1\$" "$T/contents" || fail "missing or wrong mode ($2): /$1"; }
has usr/bin/vrathaus -rwxr-xr-x
has usr/lib/vrathaus/vrathaus-server.so -rw-r--r--
for page in vrathaus vrathaus-permits vrathaus-import; do has "usr/share/man/man1/$page.1.gz" -rw-r--r--; done
has usr/share/bash-completion/completions/vrathaus -rw-r--r--
has usr/share/zsh/vendor-completions/_vrathaus -rw-r--r--
has usr/share/fish/vendor_completions.d/vrathaus.fish -rw-r--r--
for unit in renew export seal doctor; do
  has "usr/lib/systemd/system/vrathaus-$unit.service" -rw-r--r--
  has "usr/lib/systemd/system/vrathaus-$unit.timer" -rw-r--r--
done
has usr/lib/systemd/system/vrathaus-serve.service -rw-r--r--
has usr/lib/sysusers.d/vrathaus.conf -rw-r--r--
has usr/lib/tmpfiles.d/vrathaus.conf -rw-r--r--
has usr/share/doc/vrathaus/copyright -rw-r--r--
has usr/share/doc/vrathaus/changelog.Debian.gz -rw-r--r--
has usr/share/doc/vrathaus/examples/config.example.yaml -rw-r--r--
has usr/share/doc/vrathaus/examples/dortmund-seed.yaml -rw-r--r--

root=$T/root
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$T/control"
installed=$root/usr/bin/vrathaus

# Stripped, and no search path of the build tree left in the binary.
for elf in "$installed" "$root/usr/lib/vrathaus/vrathaus-server.so"; do
  if readelf -S "$elf" | grep -q '\.debug_info'; then fail "not stripped: $elf"; fi
  if readelf -d "$elf" | grep -qE 'R(UN)?PATH'; then fail "RPATH/RUNPATH left in $elf"; fi
done
grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" \
  "$root/usr/share/doc/vrathaus/copyright" || fail "the copyright file is not machine-readable"
changelog=$(zcat "$root/usr/share/doc/vrathaus/changelog.Debian.gz")
[[ "${changelog%%$'\n'*}" == "vrathaus ($(field Version)) "* ]] || fail "the changelog's first entry is not this version"

# The units run the installed binary, as the vrathaus user, with the config in /etc/vrathaus.
for service in "$root"/usr/lib/systemd/system/*.service; do
  grep -q '^ExecStart=\(/bin/sh -c .exec \)\?/usr/bin/vrathaus ' "$service" || fail "$service does not run /usr/bin/vrathaus"
  grep -q '^User=vrathaus$' "$service" || fail "$service does not run as vrathaus"
  grep -q '^Environment=VRATHAUS_CONFIG=/etc/vrathaus/config.yaml$' "$service" || fail "$service: no config"
done
# systemd accepts them (each key known, each command there): checked on copies that name the
# unpacked binary, since /usr/bin/vrathaus is not installed here.
if command -v systemd-analyze >/dev/null; then
  mkdir "$T/units"
  for unit in "$root"/usr/lib/systemd/system/vrathaus-*; do
    sed "s|/usr/bin/vrathaus|$installed|g" "$unit" >"$T/units/${unit##*/}"
  done
  systemd-analyze verify --man=no "$T"/units/* >"$T/verify.log" 2>&1 || fail "systemd-analyze: $(cat "$T/verify.log")"
  [ ! -s "$T/verify.log" ] || fail "systemd-analyze: $(cat "$T/verify.log")"
fi
grep -q '^ExecStart=/usr/bin/vrathaus doctor' "$root/usr/lib/systemd/system/vrathaus-doctor.service" ||
  fail "the doctor unit does not run vrathaus doctor"

# The completions are the binary's own, and bash loads the packaged one.
cmp <("$installed" completion bash) "$root/usr/share/bash-completion/completions/vrathaus" ||
  fail "the packaged bash completion is not the binary's"
bash -c "source '$root/usr/share/bash-completion/completions/vrathaus' && complete -p vrathaus" >/dev/null ||
  fail "the bash completion registers nothing for vrathaus"

# dpkg installs it into an empty root (--root; the maintainer scripts run outside a chroot with
# DPKG_ROOT set, so they need nothing inside it): the postinst creates the system user and the
# state directory owned by it; installing again (an upgrade) changes nothing; removing it takes
# the files and keeps the user and the store. Installing needs root; without it, this part is skipped.
sh -n "$T/control/postinst" && sh -n "$T/control/postrm" || fail "a maintainer script does not parse"
if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null && command -v systemd-sysusers >/dev/null &&
  command -v systemd-tmpfiles >/dev/null; then
  sys=$T/sysroot
  mkdir -p "$sys/var/lib/dpkg/info" "$sys/var/lib/dpkg/updates" "$sys/etc"
  touch "$sys/var/lib/dpkg/status"
  # Dependencies are the host's business here (the empty root has no libc6): --force-depends.
  dpkg_root() { dpkg --root="$sys" --force-script-chrootless --force-depends --log=/dev/null "$@" >>"$T/dpkg.log" 2>&1 ||
    fail "dpkg $*: $(cat "$T/dpkg.log")"; }
  dpkg_root -i "$deb"
  [ "$(dpkg-query --root="$sys" -W -f='${Status}' vrathaus)" = "install ok installed" ] || fail "not installed"
  grep -q '^vrathaus:x:[0-9]*:[0-9]*:.*:/var/lib/vrathaus:/usr/sbin/nologin$' "$sys/etc/passwd" ||
    fail "no vrathaus system user: $(cat "$sys/etc/passwd")"
  uid=$(awk -F: '$1 == "vrathaus" { print $3 }' "$sys/etc/passwd")
  for dir in /var/lib/vrathaus /var/lib/vrathaus/renewals /var/lib/vrathaus/exports; do
    [ "$(stat -c '%u %a' "$sys$dir")" = "$uid 750" ] ||
      fail "$dir: $(stat -c '%u %a' "$sys$dir"), expected owner $uid, mode 750"
  done
  dpkg_root -i "$deb"
  [ "$(grep -c '^vrathaus:' "$sys/etc/passwd")" = 1 ] || fail "the user was created twice"
  [ -x "$sys/usr/bin/vrathaus" ] || fail "no /usr/bin/vrathaus after the upgrade"
  dpkg_root -r vrathaus
  [ ! -e "$sys/usr/bin/vrathaus" ] && [ ! -e "$sys/usr/lib/systemd/system/vrathaus-renew.timer" ] ||
    fail "files left after removal: $(find "$sys/usr" -type f)"
  [ -d "$sys/var/lib/vrathaus" ] && grep -q '^vrathaus:' "$sys/etc/passwd" || fail "removal took the store or the user"
else
  echo "not root, or no dpkg/systemd-sysusers/systemd-tmpfiles: installing with dpkg --root is skipped"
fi

# The installed binary's smoke test, with the packaged example config and seed.
export VRATHAUS_CONFIG=$root/usr/share/doc/vrathaus/examples/config.example.yaml
V=$installed
expect 0 "$V" --version
grep -q "$(field Version | cut -d- -f1)" <<<"$out$err" || fail "--version does not say $(field Version): $out"
DB=$T/store.db
expect 0 "$V" --db "$DB" db init --seed "$root/usr/share/doc/vrathaus/examples/dortmund-seed.yaml"
expect 0 "$V" --db "$DB" offices list -o json
[ "$(jq length <<<"$out")" -gt 0 ] || fail "no offices after the seed"
expect 0 "$V" --db "$DB" --as portal accounts create --login juergen.schroeter@example.de --given-name Jürgen \
  --family-name Schröter --birth-date 1971-06-02 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund
expect 0 "$V" --db "$DB" accounts search Schroeter -o json
[ "$(jq length <<<"$out")" = 1 ] || fail "the new account is not found: $out"
expect 0 "$V" --db "$DB" permits renew --dry-run -o json
expect 0 "$V" --db "$DB" audit verify

# It serves from the unpacked tree: the module is found relative to the binary, not in the build tree.
"$V" --db "$DB" tokens create --staff it.admin -o json | jq -r .token >"$T/admin.token"
chmod 600 "$T/admin.token"
start_server
[ "$(readlink -f "/proc/$SERVER_PID/exe")" = "$(readlink -f "$installed")" ] || fail "the server is not the packaged binary"
expect 0 remote accounts search Schroeter -o json
[ "$(jq -r '.[0].login' <<<"$out")" = juergen.schroeter@example.de ] || fail "the packaged server answers: $out"
echo "deb_package: ok ($(basename "$deb"))"
