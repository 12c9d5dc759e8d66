// SPDX-License-Identifier: Apache-2.0
// OSV ingest benchmark over the reference advisory data (shared/data/osv, see its README): for
// each folder (go, pypi, rustsec, almalinux9, psf-cpython) it runs ingest_path once and prints
// files, advisories, withdrawn, skipped, affected[] entries, range types, events, versions lists,
// severity vectors, KEV overlap and the wall time; then a parse-only pass over the same files
// already in memory; then the KEV catalog. The counts are the README's "Shape of the data".
//   sw_osv_ingest_bench /work/shared/data/osv
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <time.h>

#include <fmt/format.h>

#include "vuln/osv/osv.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using sw::vuln::Advisory;
using sw::vuln::RangeEvent;
using sw::vuln::RangeType;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU time of this process: the machine is shared, so wall time alone says little.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Shape {
  size_t affected = 0;
  std::map<std::string, size_t> ecosystems;
  size_t semver = 0, ecosystem = 0, git = 0;
  size_t introduced = 0, fixed = 0, last_affected = 0, limit = 0;
  size_t with_versions = 0;
  std::map<std::string, size_t> severity;  // by type, top-level and per package
  size_t informational = 0;
  size_t kev = 0;          // id or an alias in KEV
  size_t kev_related = 0;  // id, an alias or a related id in KEV (the README's count)
};

void tally(const Advisory& a, Shape& s, const std::set<std::string>& kev) {
  for (const auto& sev : a.severity) ++s.severity[sev.type];
  if (!a.informational.empty()) ++s.informational;
  bool in_kev = kev.count(a.id) != 0;
  for (const auto& alias : a.aliases) in_kev = in_kev || kev.count(alias) != 0;
  if (in_kev) ++s.kev;
  for (const auto& rel : a.related) in_kev = in_kev || kev.count(rel) != 0;
  if (in_kev) ++s.kev_related;
  for (const auto& af : a.affected) {
    ++s.affected;
    ++s.ecosystems[af.ecosystem.empty() ? "(none)" : af.ecosystem];
    if (!af.versions.empty()) ++s.with_versions;
    for (const auto& sev : af.severity) ++s.severity[sev.type];
    for (const auto& r : af.ranges) {
      if (r.type == RangeType::kSemver) ++s.semver;
      if (r.type == RangeType::kEcosystem) ++s.ecosystem;
      if (r.type == RangeType::kGit) ++s.git;
      for (const auto& e : r.events) {
        switch (e.kind) {
          case RangeEvent::Kind::kIntroduced:
            ++s.introduced;
            break;
          case RangeEvent::Kind::kFixed:
            ++s.fixed;
            break;
          case RangeEvent::Kind::kLastAffected:
            ++s.last_affected;
            break;
          case RangeEvent::Kind::kLimit:
            ++s.limit;
            break;
        }
      }
    }
  }
}

template <class M>
std::string join_counts(const M& m) {
  std::string out;
  for (const auto& [k, v] : m) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", k, v);
  return out.empty() ? "none" : out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: {} OSV_DATA_DIR (e.g. /work/shared/data/osv)\n", argv[0]);
    return 2;
  }
  std::string root = argv[1];
  auto total0 = Clock::now();

  // KEV first, so each folder's overlap can be counted.
  std::string kev_path = root + "/kev/known_exploited_vulnerabilities.json";
  auto k0 = Clock::now();
  double kc0 = cpu_now();
  std::string kev_text = read_all(kev_path);
  auto kev = sw::vuln::parse_kev(kev_text, kev_path);
  double kev_s = seconds_since(k0);
  double kev_cpu = cpu_now() - kc0;
  std::set<std::string> kev_ids;
  if (!kev) {
    fmt::print("KEV: {}\n", kev.error().to_string());
  } else {
    size_t ransomware = 0;
    for (const auto& e : kev->entries) {
      kev_ids.insert(e.cve);
      ransomware += e.ransomware ? 1 : 0;
    }
    fmt::print(
        "kev: catalog {} released {}: {} entries, {} knownRansomwareCampaignUse=Known, "
        "looks_like_kev {}, {:.3f} s wall, {:.3f} s CPU\n\n",
        kev->version, kev->date_released, kev->entries.size(), ransomware,
        sw::vuln::looks_like_kev(kev_text), kev_s, kev_cpu);
  }

  double ingest_total = 0, parse_total = 0, ingest_cpu = 0, parse_cpu = 0;
  size_t files_total = 0, adv_total = 0;
  for (const char* folder : {"go", "pypi", "rustsec", "almalinux9", "psf-cpython"}) {
    std::string dir = root + "/" + folder;
    Shape shape;
    auto t0 = Clock::now();
    double c0 = cpu_now();
    auto stats = sw::vuln::ingest_path(dir, [&](Advisory&& a) { tally(a, shape, kev_ids); });
    double secs = seconds_since(t0);
    double cpu = cpu_now() - c0;
    if (!stats) {
      fmt::print("{}: {}\n", folder, stats.error().to_string());
      continue;
    }
    ingest_total += secs;
    ingest_cpu += cpu;
    files_total += stats->files;
    adv_total += stats->advisories;
    fmt::print(
        "{}: files {}, advisories {}, withdrawn {}, skipped {}, ingest {:.3f} s wall, {:.3f} s "
        "CPU\n",
        folder, stats->files, stats->advisories, stats->withdrawn, stats->skipped, secs, cpu);
    fmt::print("  affected entries {} ({})\n", shape.affected, join_counts(shape.ecosystems));
    fmt::print("  ranges: SEMVER {}, ECOSYSTEM {}, GIT {}\n", shape.semver, shape.ecosystem,
               shape.git);
    fmt::print("  events: introduced {}, fixed {}, last_affected {}, limit {}\n", shape.introduced,
               shape.fixed, shape.last_affected, shape.limit);
    fmt::print(
        "  affected entries with a versions list {}; severity {}; informational {}; "
        "in KEV by id/alias {}, by id/alias/related {}\n",
        shape.with_versions, join_counts(shape.severity), shape.informational, shape.kev,
        shape.kev_related);
    for (size_t i = 0; i < std::min<size_t>(stats->warnings.size(), 5); ++i) {
      fmt::print("  warning: {}\n", stats->warnings[i].to_string());
    }

    // Parse-only: the same files from memory.
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) texts.emplace_back(e.path().string(), read_all(e.path().string()));
    }
    size_t bytes = 0, ok = 0;
    auto p0 = Clock::now();
    double pc0 = cpu_now();
    for (const auto& [path, text] : texts) {
      bytes += text.size();
      bool yaml = path.ends_with(".yaml") || path.ends_with(".yml");
      auto r = yaml ? sw::vuln::parse_osv_yaml(text, path) : sw::vuln::parse_osv_json(text, path);
      ok += r ? 1 : 0;
    }
    double psecs = seconds_since(p0);
    double pcpu = cpu_now() - pc0;
    parse_total += psecs;
    parse_cpu += pcpu;
    fmt::print(
        "  parse only: {} files, {:.1f} MB, {} ok, {:.3f} s wall, {:.3f} s CPU ({:.0f} MB/s "
        "CPU)\n\n",
        texts.size(), static_cast<double>(bytes) / 1e6, ok, psecs, pcpu,
        static_cast<double>(bytes) / 1e6 / pcpu);
  }
  fmt::print(
      "total: {} files, {} advisories; ingest {:.3f} s wall / {:.3f} s CPU; parse only {:.3f} s "
      "wall / {:.3f} s CPU; KEV {:.3f} s CPU; program wall {:.3f} s\n",
      files_total, adv_total, ingest_total, ingest_cpu, parse_total, parse_cpu, kev_cpu,
      seconds_since(total0));
  return 0;
}
