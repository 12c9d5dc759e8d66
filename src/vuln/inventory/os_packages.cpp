// SPDX-License-Identifier: Apache-2.0
// OS package inventory of a root (see os_packages.h for the databases, names and versions used).
#include "vuln/inventory/os_packages.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "core/host.h"
#include "vuln/inventory/apk_installed.h"
#include "vuln/inventory/dpkg_status.h"
#include "vuln/inventory/rpmdb.h"

namespace sw::vuln {
namespace {

constexpr std::string_view kDpkgStatus = "/var/lib/dpkg/status";
constexpr std::string_view kDpkgStatusD = "/var/lib/dpkg/status.d";
constexpr std::array<std::string_view, 2> kApkInstalled = {"/lib/apk/db/installed",
                                                           "/usr/lib/apk/db/installed"};
constexpr std::array<std::string_view, 3> kRpmDirs = {"/var/lib/rpm", "/usr/lib/sysimage/rpm",
                                                      "/usr/share/rpm"};

enum class Manager { kNone, kDpkg, kApk, kRpm };

// De-duplicates per (name, version), keeping every binary in Package::binaries.
class Collector {
 public:
  Collector(PackageList* out, std::string ecosystem)
      : out_(out), ecosystem_(std::move(ecosystem)) {}

  void add(std::string name, std::string version, const std::string& binary,
           const std::string& path, int line) {
    auto [it, inserted] = index_.try_emplace({name, version}, out_->packages.size());
    if (!inserted) {
      auto& bins = out_->packages[it->second].binaries;
      if (std::find(bins.begin(), bins.end(), binary) == bins.end()) bins.push_back(binary);
      return;
    }
    Package p;
    p.ecosystem = ecosystem_;
    p.binary = binary != name ? binary : std::string();
    p.name = std::move(name);
    p.version = std::move(version);
    p.binaries.push_back(binary);
    p.path = path;
    p.line = line;
    out_->packages.push_back(std::move(p));
  }

 private:
  PackageList* out_;
  std::string ecosystem_;
  std::map<std::pair<std::string, std::string>, size_t> index_;
};

bool has_word(std::string_view list, std::string_view word) {
  size_t pos = 0;
  while (pos < list.size()) {
    auto end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    if (list.substr(pos, end - pos) == word) return true;
    pos = end + 1;
  }
  return false;
}

// The package manager a distribution uses, from ID and ID_LIKE.
Manager manager_of(const OsRelease& os) {
  auto is = [&](std::initializer_list<std::string_view> ids) {
    for (auto id : ids) {
      if (os.id == id || has_word(os.id_like, id)) return true;
    }
    return false;
  };
  if (is({"debian", "ubuntu"})) return Manager::kDpkg;
  if (is({"alpine", "wolfi", "chainguard"})) return Manager::kApk;
  if (is({"rhel", "fedora", "centos", "almalinux", "rocky", "suse", "opensuse", "sles", "openeuler",
          "mageia", "photon", "ol", "amzn", "mariner", "azurelinux"})) {
    return Manager::kRpm;
  }
  return Manager::kNone;
}

void add_errors(PackageList& out, const std::vector<Error>& errors) {
  out.errors.insert(out.errors.end(), errors.begin(), errors.end());
}

// --- dpkg ---------------------------------------------------------------------------------

bool dpkg_present(const Host& host) {
  return host.exists(kDpkgStatus) || !host.list_files(kDpkgStatusD).empty();
}

void add_dpkg(const DpkgDatabase& db, const std::string& path, Collector& c) {
  for (const auto& p : db.packages) {
    if (!p.installed()) continue;
    c.add(p.source, p.source_version, p.name, path, p.line);
  }
}

void read_dpkg(const Host& host, OsInventory& inv, Collector& c) {
  inv.package_manager = "dpkg";
  if (host.exists(kDpkgStatus)) {
    inv.database = kDpkgStatus;
    auto text = host.read_file(kDpkgStatus);
    if (!text) {
      inv.packages.errors.push_back(text.error());
      inv.reason = text.error().to_string();
      return;
    }
    auto db = parse_dpkg_status(*text, inv.database);
    add_errors(inv.packages, db.errors);
    add_dpkg(db, inv.database, c);
    return;
  }
  inv.database = kDpkgStatusD;
  DpkgParseOptions options;
  options.missing_status_is_installed = true;
  for (const auto& file : host.list_files(kDpkgStatusD)) {
    if (file.ends_with(".md5sums")) continue;
    auto text = host.read_file(file);
    if (!text) {
      inv.packages.errors.push_back(text.error());
      continue;
    }
    auto db = parse_dpkg_status(*text, file, options);
    add_errors(inv.packages, db.errors);
    add_dpkg(db, file, c);
  }
}

// --- apk ----------------------------------------------------------------------------------

std::string apk_path(const Host& host) {
  for (auto p : kApkInstalled) {
    if (host.exists(p)) return std::string(p);
  }
  return {};
}

void read_apk(const Host& host, OsInventory& inv, Collector& c) {
  inv.package_manager = "apk";
  inv.database = apk_path(host);
  auto text = host.read_file(inv.database);
  if (!text) {
    inv.packages.errors.push_back(text.error());
    inv.reason = text.error().to_string();
    return;
  }
  auto db = parse_apk_installed(*text, inv.database);
  add_errors(inv.packages, db.errors);
  for (const auto& p : db.packages) c.add(p.origin, p.version, p.name, inv.database, p.line);
}

// --- rpm ----------------------------------------------------------------------------------

struct RpmDbFile {
  std::string path;  // inside the root
  RpmDbFormat format = RpmDbFormat::kUnknown;
};

RpmDbFormat sniff(const Host& host, const std::string& path) {
  std::ifstream in(host.real_path(path), std::ios::binary);
  std::array<char, 16> head{};
  in.read(head.data(), head.size());
  return detect_rpmdb_format(std::string_view(head.data(), static_cast<size_t>(in.gcount())));
}

RpmDbFile rpm_db(const Host& host) {
  for (auto dir : kRpmDirs) {
    for (std::string_view file : {"rpmdb.sqlite", "Packages.db", "Packages"}) {
      auto path = fmt::format("{}/{}", dir, file);
      if (!host.exists(path)) continue;
      auto format = sniff(host, path);
      if (format == RpmDbFormat::kUnknown && file == "rpmdb.sqlite") format = RpmDbFormat::kSqlite;
      return {path, format};
    }
  }
  return {};
}

// Ecosystems whose advisories name the source rpm (ecosystems.json; the others name binaries).
bool keyed_by_source_rpm(std::string_view ecosystem) {
  for (std::string_view prefix : {"SUSE:", "openSUSE:", "openEuler:", "Mageia:"}) {
    if (ecosystem.starts_with(prefix)) return true;
  }
  return false;
}

void read_rpm(const Host& host, OsInventory& inv, Collector& c) {
  inv.package_manager = "rpm";
  auto db_file = rpm_db(host);
  inv.database = db_file.path;
  if (db_file.format != RpmDbFormat::kSqlite) {
    auto why = fmt::format(
        "unsupported rpmdb format: {}; only the SQLite rpmdb of RPM >= 4.16 is read "
        "(`rpmdb --rebuilddb` with a current RPM converts it)",
        rpmdb_format_name(db_file.format));
    inv.packages.errors.emplace_back(Errc::kUnsupported, why, db_file.path);
    inv.reason = inv.packages.errors.back().to_string();
    return;
  }
  auto db = read_rpmdb_sqlite(host.real_path(db_file.path), db_file.path);
  if (!db) {
    inv.packages.errors.push_back(db.error());
    inv.reason = db.error().to_string();
    return;
  }
  add_errors(inv.packages, db->errors);
  auto wal = host.stat(db_file.path + "-wal");
  if (wal && wal->size > 0) {
    inv.packages.errors.emplace_back(
        Errc::kIo,
        "non-empty write-ahead log (rpmdb.sqlite-wal) not applied by a read-only scan: the "
        "latest package changes may be missing",
        db_file.path);
  }
  bool by_source = keyed_by_source_rpm(inv.ecosystem);
  for (const auto& p : db->packages) {
    if (p.name == "gpg-pubkey") continue;  // an imported signing key, not software
    std::string name = p.name;
    if (by_source) {
      auto src = p.source_name();
      if (!src.empty()) name = std::move(src);
    }
    c.add(std::move(name), p.evr(), p.name, db_file.path, 0);
  }
}

}  // namespace

OsInventory os_packages(const Host& host) {
  OsInventory inv;
  auto os = read_os_release(host, &inv.packages.errors);
  if (os) {
    inv.ecosystem = osv_ecosystem_for(*os, &inv.ecosystem_note);
    inv.os_release = std::move(*os);
  } else {
    inv.ecosystem_note = os.error().to_string();
    if (os.error().code() != Errc::kNotFound) inv.packages.errors.push_back(os.error());
  }

  std::array<std::pair<Manager, bool>, 3> present = {{
      {Manager::kDpkg, dpkg_present(host)},
      {Manager::kApk, !apk_path(host).empty()},
      {Manager::kRpm, !rpm_db(host).path.empty()},
  }};
  Manager use = Manager::kNone;
  Manager preferred = inv.os_release ? manager_of(*inv.os_release) : Manager::kNone;
  for (const auto& [m, here] : present) {
    if (here && m == preferred) use = m;
  }
  if (use == Manager::kNone) {
    for (const auto& [m, here] : present) {
      if (here) {
        use = m;
        break;
      }
    }
  }

  Collector c(&inv.packages, inv.ecosystem);
  switch (use) {
    case Manager::kDpkg:
      read_dpkg(host, inv, c);
      break;
    case Manager::kApk:
      read_apk(host, inv, c);
      break;
    case Manager::kRpm:
      read_rpm(host, inv, c);
      break;
    case Manager::kNone:
      inv.reason = fmt::format("no package database found ({}, {}, {} or an rpmdb in {})",
                               kDpkgStatus, kDpkgStatusD, kApkInstalled[0], kRpmDirs[0]);
      break;
  }
  if (inv.reason.empty() && inv.packages.packages.empty() && use != Manager::kNone) {
    inv.reason =
        fmt::format("{} database {} lists no installed package", inv.package_manager, inv.database);
  }
  return inv;
}

}  // namespace sw::vuln
