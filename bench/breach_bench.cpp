// SPDX-License-Identifier: Apache-2.0
// Breach index at scale, on one core: generates N synthetic hashes as a Pwned Passwords source file
// (unsorted HASH:COUNT lines in a temporary directory), builds the index, reports its size on disk
// and the build time, then lookups per second: found and absent, one by one and batched, and
// password lookups (SHA-1 + lookup). Removes everything it wrote unless --keep.
//
//   sw_breach_bench --build 100000000 [--dir /var/tmp] [--max-memory-mb 2048] [--lookups 10000000]
//
// The first min(N, 1 000 000) hashes are SHA-1 of "synthetic-password-I", so password lookups can
// hit; the rest are pseudo-random 160-bit values (splitmix64), regenerated for the found queries.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <sched.h>

#include "password/breach/index.h"

namespace {

using sw::password::Digest;
using Clock = std::chrono::steady_clock;

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::uint64_t g_passwords = 0;  // how many of the first hashes are SHA-1 of passwords

std::string password_of(std::uint64_t i) { return "synthetic-password-" + std::to_string(i); }

Digest digest_of(std::uint64_t i) {
  if (i < g_passwords) return sw::password::sha1(password_of(i));
  Digest d{};
  for (int part = 0; part < 3; ++part) {
    const std::uint64_t v = splitmix(i * 3 + static_cast<std::uint64_t>(part));
    std::memcpy(d.data() + 8 * part, &v, part == 2 ? 4 : 8);
  }
  return d;
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void write_source(const std::filesystem::path& path, std::uint64_t n) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    std::perror("source");
    std::exit(2);
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string buf;
  buf.reserve(1u << 22);
  for (std::uint64_t i = 0; i < n; ++i) {
    const Digest d = digest_of(i);
    for (std::size_t b = 0; b < 20; ++b) {
      buf.push_back(kHex[d[b] >> 4]);
      buf.push_back(kHex[d[b] & 15]);
    }
    buf.push_back(':');
    const std::uint64_t h = splitmix(~i);
    // Mostly small counts, ~1% above 255 (as in the real data), a few very large.
    const std::uint64_t count = h % 100 == 0 ? 255 + h % 5000000 : 1 + h % 200;
    buf += std::to_string(count);
    buf.push_back('\n');
    if (buf.size() > (1u << 22) - 64) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  std::fclose(f);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t n = 1000000;
  std::uint64_t lookups = 10000000;
  std::size_t max_memory_mb = 2048;
  std::filesystem::path base = std::filesystem::temp_directory_path();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--build") {
      n = std::stoull(next());
    } else if (a == "--lookups") {
      lookups = std::stoull(next());
    } else if (a == "--max-memory-mb") {
      max_memory_mb = std::stoull(next());
    } else if (a == "--dir") {
      base = next();
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: sw_breach_bench [--build N] [--lookups M] [--max-memory-mb MB] "
                   "[--dir DIR] [--keep]\n");
      return 2;
    }
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  sched_setaffinity(0, sizeof one, &one);  // one core; failure is harmless
  g_passwords = std::min<std::uint64_t>(n, 1000000);

  std::string tmpl = (base / "sw-breach-bench-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    std::perror("mkdtemp");
    return 2;
  }
  const std::filesystem::path dir = tmpl;
  const auto source = dir / "pwned-passwords-sha1.txt";
  const auto index_path = dir / "pwned.idx";

  auto t = Clock::now();
  write_source(source, n);
  std::printf(
      "source: %llu hashes, %llu bytes, written in %.1f s\n", static_cast<unsigned long long>(n),
      static_cast<unsigned long long>(std::filesystem::file_size(source)), seconds_since(t));
  std::fflush(stdout);

  sw::password::BreachBuildOptions options;
  options.kind = sw::password::HashKind::kSha1;
  options.max_memory_bytes = max_memory_mb << 20;
  options.temp_dir = dir;
  auto stats = sw::password::build_breach_index({source}, index_path, options);
  if (!stats) {
    std::fprintf(stderr, "build failed: %s\n", stats.error().to_string().c_str());
    return 1;
  }
  std::printf(
      "build: %.1f s (%llu sorted runs, max memory %zu MiB), %llu entries, %llu duplicates, "
      "%llu bad lines\n",
      stats->seconds, static_cast<unsigned long long>(stats->runs), max_memory_mb,
      static_cast<unsigned long long>(stats->entries),
      static_cast<unsigned long long>(stats->duplicates),
      static_cast<unsigned long long>(stats->bad_lines));
  std::printf("index on disk: %llu bytes = %.2f bytes/hash (prefix bits %u, key bytes %u)\n",
              static_cast<unsigned long long>(stats->index_bytes),
              static_cast<double>(stats->index_bytes) / static_cast<double>(stats->entries),
              stats->prefix_bits, options.key_bytes);
  std::fflush(stdout);
  std::filesystem::remove(source);

  t = Clock::now();
  auto index = sw::password::BreachIndex::open(index_path);
  if (!index) {
    std::fprintf(stderr, "open failed: %s\n", index.error().to_string().c_str());
    return 1;
  }
  std::printf("open + full validation: %.3f s; false-positive rate per absent lookup ~%.2e\n",
              seconds_since(t), index->info().false_positive_rate);

  std::mt19937_64 rng(42);
  std::vector<Digest> found(lookups), absent(lookups);
  for (std::uint64_t i = 0; i < lookups; ++i) {
    found[i] = digest_of(rng() % n);
    absent[i] = digest_of(n + rng() % (1ull << 40));
  }
  auto run_single = [&](const std::vector<Digest>& q, const char* label, bool expect) {
    const auto start = Clock::now();
    std::uint64_t hits = 0;
    for (const auto& d : q) hits += index->count_digest(d).has_value() ? 1 : 0;
    const double s = seconds_since(start);
    std::printf("%-22s %12.0f lookups/s  (%llu of %zu found%s)\n", label,
                static_cast<double>(q.size()) / s, static_cast<unsigned long long>(hits), q.size(),
                (expect ? hits == q.size() : hits == 0) ? "" : " UNEXPECTED");
  };
  auto run_batch = [&](const std::vector<Digest>& q, const char* label) {
    std::vector<std::optional<std::uint64_t>> out(q.size());
    const auto start = Clock::now();
    index->count_sha1_batch(q, out);
    const double s = seconds_since(start);
    std::uint64_t hits = 0;
    for (const auto& o : out) hits += o.has_value() ? 1 : 0;
    std::printf("%-22s %12.0f lookups/s  (%llu of %zu found)\n", label,
                static_cast<double>(q.size()) / s, static_cast<unsigned long long>(hits), q.size());
  };
  run_single(found, "found, single (cold)", true);
  run_single(found, "found, single", true);
  run_single(absent, "absent, single", false);
  run_batch(found, "found, batch");
  run_batch(absent, "absent, batch");
  {
    const std::uint64_t m = std::min<std::uint64_t>(lookups, 2000000);
    std::vector<std::string> pws;
    for (std::uint64_t i = 0; i < m; ++i) pws.push_back(password_of(rng() % g_passwords));
    const auto start = Clock::now();
    std::uint64_t hits = 0;
    for (const auto& pw : pws) hits += index->count(pw).has_value() ? 1 : 0;
    const double s = seconds_since(start);
    std::printf("%-22s %12.0f lookups/s  (%llu of %zu found)\n", "password (SHA-1+find)",
                static_cast<double>(m) / s, static_cast<unsigned long long>(hits), pws.size());
  }
  if (!keep) {
    std::filesystem::remove_all(dir);
  } else {
    std::printf("kept: %s\n", dir.c_str());
  }
  return 0;
}
