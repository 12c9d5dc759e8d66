// SPDX-License-Identifier: Apache-2.0
// The OS package inventory of a root (this machine, or a container filesystem with --root): the
// distribution and release from os-release, mapped to an OSV ecosystem, and the installed
// packages of its package manager, named and versioned as that ecosystem's advisories key them.
//
// Databases read (first found, the distribution's own manager first):
//   dpkg  /var/lib/dpkg/status, else /var/lib/dpkg/status.d/* (distroless: one stanza per file)
//   apk   /lib/apk/db/installed (or /usr/lib/apk/db/installed)
//   rpm   rpmdb.sqlite in /var/lib/rpm, /usr/lib/sysimage/rpm or /usr/share/rpm; BerkeleyDB
//         "Packages" and NDB "Packages.db" are recognised and reported unsupported.
//
// Names and versions (what OSV advisories use, ossf/osv-schema ecosystems.json):
//   Debian / Ubuntu: the SOURCE package (dpkg Source: field, else the binary name) at the source
//     version ("Source: name (version)" when given: binNMUs), installed packages only
//     (DpkgPackage::installed(): status word installed / triggers-*, as osv-scalibr; unpacked,
//     half-configured and config-files-only packages are not counted).
//   Alpine / Wolfi / Chainguard: the origin (o:) package at the package version.
//   RPM: AlmaLinux, Rocky Linux and Red Hat advisories name BINARY rpms (AlmaLinux's OSV files list
//     "openssl-libs", "python3-libs", never the source "python3.9"), so the binary name is used;
//     SUSE, openSUSE, openEuler and Mageia advisories name the source rpm, so SOURCERPM's name is
//     used there. Version: "[epoch:]version-release", epoch written only when non-zero, as the
//     AlmaLinux ranges write it. gpg-pubkey pseudo-packages (imported signing keys) are skipped.
// Entries are de-duplicated per (name, version): every binary (or architecture) they stand for is
// kept in Package::binaries, and path/line point at the first one.
#pragma once

#include <optional>
#include <string>

#include "vuln/inventory/os_release.h"
#include "vuln/inventory/package.h"

namespace sw {
class Host;
}

namespace sw::vuln {

struct OsInventory {
  std::optional<OsRelease> os_release;  // absent when the root has no os-release
  std::string ecosystem;                // OSV ecosystem; empty when unknown (see ecosystem_note)
  std::string ecosystem_note;           // why the ecosystem is empty, or a caveat about it
  std::string package_manager;          // "dpkg", "apk", "rpm"; empty when no database was found
  std::string database;                 // the database file (or directory) inside the root
  PackageList packages;                 // packages, and every input problem (file, line)
  std::string reason;                   // why there are no packages (no / unsupported database)
};

OsInventory os_packages(const Host& host);

}  // namespace sw::vuln
