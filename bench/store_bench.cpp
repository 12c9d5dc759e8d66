// SPDX-License-Identifier: Apache-2.0
// Advisory store benchmark: builds a store from the shared OSV data (`db import` of its path),
// then times lookups of 10,000 (ecosystem, name) queries against it, warm (DESIGN target: an
// inventory of 10,000 packages matched in under 100 ms). The queries are every package name the
// store indexes (hits), padded with names no advisory mentions (misses).
//
//   SW_OSV_DATA=/path/to/shared/data/osv ./sw_store_bench      (or: ./sw_store_bench PATH)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "vuln/match.h"
#include "vuln/store/store.h"
#include "vuln/store/update.h"

namespace {

namespace fs = std::filesystem;

struct Query {
  std::string ecosystem;
  std::string name;
};

std::string g_data_dir;
std::vector<Query> g_hits;  // every indexed name

std::vector<Query> indexed_names(const std::string& db_path) {
  std::vector<Query> out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return out;
  }
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT DISTINCT base, release, name FROM affected_index", -1, &s,
                     nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::string base = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    std::string release = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
    out.push_back({release.empty() ? base : base + ":" + release, name});
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

std::vector<Query> queries(size_t n, double hit_share) {
  std::vector<Query> out;
  size_t hits = std::min(g_hits.size(), static_cast<size_t>(static_cast<double>(n) * hit_share));
  out.insert(out.end(), g_hits.begin(), g_hits.begin() + static_cast<long>(hits));
  const char* ecos[] = {"PyPI", "Go", "crates.io", "AlmaLinux:9", "npm", "Debian:12"};
  for (size_t i = 0; out.size() < n; ++i) {
    out.push_back({ecos[i % 6], fmt::format("no-such-package-{}", i)});
  }
  return out;
}

void run_lookups(benchmark::State& state, double hit_share) {
  auto store = sw::vuln::open_store(g_data_dir);
  if (!store) {
    state.SkipWithError(store.error().to_string().c_str());
    return;
  }
  auto qs = queries(10000, hit_share);
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& q : qs) {
      auto r = (*store)->lookup(q.ecosystem, q.name);
      if (r) found += r->size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.counters["queries"] = static_cast<double>(qs.size());
  state.counters["advisories_returned"] = static_cast<double>(found);
}

// The whole matcher (lookup, OSV range evaluation with the ecosystem's ordering, upgrade choice)
// over an inventory of 10,000 packages. Hits get version "0.0.1" ("1:0.0.1-1" for RPM), below
// most fixes, so most of them are affected: more work than a real inventory.
void run_match(benchmark::State& state, double hit_share) {
  auto store = sw::vuln::open_store(g_data_dir);
  if (!store) {
    state.SkipWithError(store.error().to_string().c_str());
    return;
  }
  auto status = (*store)->status();
  std::vector<std::string> ecosystems;
  if (status) {
    for (const auto& [eco, n] : status->ecosystems) ecosystems.push_back(eco);
  }
  std::vector<sw::vuln::Package> inventory;
  for (const auto& q : queries(10000, hit_share)) {
    sw::vuln::Package p;
    p.ecosystem = q.ecosystem;
    p.name = q.name;
    const bool rpm = q.ecosystem.rfind("AlmaLinux", 0) == 0;
    p.version = rpm ? "1:0.0.1-1" : q.ecosystem.rfind("Debian", 0) == 0 ? "0.0.1-1" : "0.0.1";
    inventory.push_back(std::move(p));
  }
  size_t upgrades = 0;
  for (auto _ : state) {
    auto result = sw::vuln::match_packages(inventory, **store, ecosystems);
    upgrades = result.upgrades.size();
    benchmark::DoNotOptimize(upgrades);
  }
  state.counters["packages"] = static_cast<double>(inventory.size());
  state.counters["upgrades"] = static_cast<double>(upgrades);
}

void BM_Match10k_TenPercentHits(benchmark::State& state) { run_match(state, 0.1); }
void BM_Match10k_AllIndexedNames(benchmark::State& state) { run_match(state, 1.0); }
BENCHMARK(BM_Match10k_TenPercentHits)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Match10k_AllIndexedNames)->Unit(benchmark::kMillisecond);

// All indexed names (as many as there are, up to 10,000), the rest misses.
void BM_Lookup10k_AllIndexedNames(benchmark::State& state) { run_lookups(state, 1.0); }
// A realistic inventory: one package in ten has advisories.
void BM_Lookup10k_TenPercentHits(benchmark::State& state) { run_lookups(state, 0.1); }

// Names the store does not have: the cost of the index probe alone.
void BM_Lookup10k_NoHits(benchmark::State& state) { run_lookups(state, 0.0); }

BENCHMARK(BM_Lookup10k_AllIndexedNames)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lookup10k_NoHits)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lookup10k_TenPercentHits)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string data;
  if (const char* e = std::getenv("SW_OSV_DATA")) data = e;
  if (argc > 1 && argv[1][0] != '-') {
    data = argv[1];
    for (int i = 1; i + 1 < argc; ++i) argv[i] = argv[i + 1];
    --argc;
  }
  if (data.empty()) {
    std::fprintf(stderr, "usage: SW_OSV_DATA=PATH %s (or %s PATH)\n", argv[0], argv[0]);
    return 2;
  }
  g_data_dir = (fs::temp_directory_path() / fmt::format("sw_store_bench_{}", ::getpid())).string();
  auto t0 = std::chrono::steady_clock::now();
  auto r = sw::vuln::import_paths(g_data_dir, {data});
  auto t1 = std::chrono::steady_clock::now();
  if (!r) {
    std::fprintf(stderr, "import failed: %s\n", r.error().to_string().c_str());
    return 1;
  }
  size_t skipped = 0;
  for (const auto& s : r->sources) skipped += s.skipped;
  g_hits = indexed_names(sw::vuln::store_path(g_data_dir));
  std::printf(
      "import of %s: %zu advisories, %zu malformed skipped, %.2f s; store %.1f MB; %zu "
      "indexed (ecosystem, name) pairs\n",
      data.c_str(), r->advisories, skipped, std::chrono::duration<double>(t1 - t0).count(),
      static_cast<double>(fs::file_size(sw::vuln::store_path(g_data_dir))) / 1e6, g_hits.size());
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  fs::remove_all(g_data_dir, ec);
  return 0;
}
