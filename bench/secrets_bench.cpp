// SPDX-License-Identifier: Apache-2.0
// Secret-engine benchmark, side by side on one core, over a rule file and a directory tree:
//   (a) shieldwall's engine (one Hyperscan pass, RE2 only around hits; secrets/engine.h);
//   (b) gitleaks' design, emulated in this program (Scanner::make_reference_worker: Aho-Corasick
//       keyword gate on the lower-cased fragment, then RE2 FindAll per gated rule over the whole
//       fragment, same post-processing);
//   (c) Hyperscan with the rules' keywords only (a floor: what a pass over the bytes costs).
// Reports MB/s (of thread CPU time, best of --repeat runs) and ratios, and checks that (a) and (b)
// find exactly the same secrets.
//
//   sw_secrets_bench RULES.toml DIR [--max-mb N] [--repeat N] [--per-rule] [--gbench ...]
// e.g. sw_secrets_bench /work/shared/data/secrets/gitleaks.toml /tmp/linux
// Files are read into memory first (only scanning is timed); files with a NUL byte in their first
// 8,000 bytes (binary, as git decides) and files the rules' global allowlist excludes are left
// out, for every engine alike. --gbench runs the three as Google Benchmark cases instead.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <hs/hs.h>

#include "secrets/engine.h"
#include "secrets/gitleaks_config.h"

namespace {

using sw::secrets::FragmentScanner;
using sw::secrets::Scanner;
using sw::secrets::SecretMatch;

struct File {
  std::string path;
  std::string text;
};

struct Corpus {
  std::vector<File> files;
  size_t bytes = 0;
  size_t skipped_binary = 0;
  size_t skipped_allowlist = 0;
};

Corpus read_tree(const std::string& root, const Scanner& scanner, size_t max_bytes) {
  Corpus c;
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(
           root, std::filesystem::directory_options::skip_permission_denied, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    if (c.bytes >= max_bytes) break;
    const std::string rel = std::filesystem::relative(p, root, ec).generic_string();
    if (scanner.path_allowed(rel)) {
      ++c.skipped_allowlist;
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::memchr(text.data(), 0, std::min<size_t>(text.size(), 8000)) != nullptr) {
      ++c.skipped_binary;
      continue;
    }
    c.bytes += text.size();
    c.files.push_back(File{rel, std::move(text)});
  }
  return c;
}

// CPU time of this thread: the machine may be shared, and one core is what is measured.
double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct RunResult {
  double seconds = 0;
  std::vector<SecretMatch> found;
};

RunResult run_scanner(FragmentScanner& worker, const Corpus& corpus, int repeat) {
  RunResult r;
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    std::vector<SecretMatch> found;
    const double t0 = thread_seconds();
    for (const File& f : corpus.files) {
      sw::secrets::Fragment fragment;
      fragment.text = f.text;
      fragment.path = f.path;
      auto ok = worker.scan(fragment, found);
      if (!ok) fmt::print(stderr, "scan error: {}\n", ok.error().to_string());
    }
    best = std::min(best, thread_seconds() - t0);
    r.found = std::move(found);
  }
  r.seconds = best;
  return r;
}

// (c): the rules' keywords, caseless literals, in one Hyperscan block database.
struct KeywordsOnly {
  hs_database_t* db = nullptr;
  hs_scratch_t* scratch = nullptr;
  explicit KeywordsOnly(const sw::secrets::RuleSet& rules) {
    std::vector<std::string> words;
    for (const auto& r : rules.rules) {
      for (const auto& k : r.keywords) {
        if (!k.empty() && std::find(words.begin(), words.end(), k) == words.end()) {
          words.push_back(k);
        }
      }
    }
    std::vector<std::string> escaped;
    for (const auto& w : words) {
      std::string e;
      for (unsigned char ch : w) e += fmt::format("\\x{:02x}", ch);
      escaped.push_back(e);
    }
    std::vector<const char*> exprs;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (size_t i = 0; i < escaped.size(); ++i) {
      exprs.push_back(escaped[i].c_str());
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (exprs.empty() || hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                                          static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                                          nullptr, &db, &err) != HS_SUCCESS) {
      if (err != nullptr) hs_free_compile_error(err);
      db = nullptr;
      return;
    }
    hs_alloc_scratch(db, &scratch);
  }
  ~KeywordsOnly() {
    hs_free_scratch(scratch);
    hs_free_database(db);
  }
  KeywordsOnly(const KeywordsOnly&) = delete;
  KeywordsOnly& operator=(const KeywordsOnly&) = delete;

  double run(const Corpus& corpus, int repeat, size_t& hits) const {
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
      size_t count = 0;
      const double t0 = thread_seconds();
      for (const File& f : corpus.files) {
        hs_scan(
            db, f.text.data(), static_cast<unsigned>(f.text.size()), 0, scratch,
            [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
              ++*static_cast<size_t*>(ctx);
              return 0;
            },
            &count);
      }
      best = std::min(best, thread_seconds() - t0);
      hits = count;
    }
    return best;
  }
};

std::string key(const SecretMatch& m) {
  return fmt::format("{}:{}:{}:{}:{}", m.path, m.start_line, m.start_column, m.rule_id, m.secret);
}

double mbps(size_t bytes, double seconds) { return static_cast<double>(bytes) / 1e6 / seconds; }

// Google Benchmark cases over the loaded corpus.
const Corpus* g_corpus = nullptr;
const Scanner* g_scanner = nullptr;
const KeywordsOnly* g_keywords = nullptr;

void BM_Engine(benchmark::State& state) {
  auto worker = g_scanner->make_worker();
  for (auto _ : state) benchmark::DoNotOptimize(run_scanner(**worker, *g_corpus, 1).found.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(g_corpus->bytes));
}
void BM_GitleaksDesign(benchmark::State& state) {
  auto worker = g_scanner->make_reference_worker();
  for (auto _ : state) benchmark::DoNotOptimize(run_scanner(**worker, *g_corpus, 1).found.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(g_corpus->bytes));
}
void BM_HyperscanKeywordsOnly(benchmark::State& state) {
  size_t hits = 0;
  for (auto _ : state) benchmark::DoNotOptimize(g_keywords->run(*g_corpus, 1, hits));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(g_corpus->bytes));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr,
               "usage: {} RULES.toml DIR [--max-mb N] [--repeat N] [--per-rule] "
               "[--skip-reference] [--gbench [google-benchmark flags]]\n",
               argv[0]);
    return 2;
  }
  const std::string rules_path = argv[1];
  const std::string root = argv[2];
  size_t max_mb = 1u << 20;
  int repeat = 1;
  bool per_rule = false;
  bool skip_reference = false;
  bool gbench = false;
  std::vector<char*> gbench_args = {argv[0]};
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (gbench) {
      gbench_args.push_back(argv[i]);
    } else if (a == "--max-mb" && i + 1 < argc) {
      max_mb = std::stoul(argv[++i]);
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--per-rule") {
      per_rule = true;
    } else if (a == "--skip-reference") {
      skip_reference = true;
    } else if (a == "--gbench") {
      gbench = true;
    } else {
      fmt::print(stderr, "unknown option {}\n", a);
      return 2;
    }
  }

  std::vector<sw::Error> rule_errors;
  auto rules = sw::secrets::load_rules_file(
      rules_path, [] { return sw::Result<sw::secrets::RuleSet>(sw::secrets::RuleSet{}); },
      rule_errors);
  if (!rules) {
    fmt::print(stderr, "{}\n", rules.error().to_string());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto scanner = Scanner::compile(*rules, &rule_errors);
  const double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& e : rule_errors) fmt::print(stderr, "rule error: {}\n", e.to_string());
  if (!scanner) {
    fmt::print(stderr, "{}\n", scanner.error().to_string());
    return 1;
  }
  fmt::print("rules: {} from {} (compiled in {:.1f} s)\n", (*scanner)->rules().rules.size(),
             rules_path, compile_s);

  const Corpus corpus = read_tree(root, **scanner, max_mb << 20);
  fmt::print("corpus: {} files, {:.1f} MB from {} ({} binary and {} allowlisted files left out)\n",
             corpus.files.size(), static_cast<double>(corpus.bytes) / 1e6, root,
             corpus.skipped_binary, corpus.skipped_allowlist);
  const KeywordsOnly keywords(*rules);

  if (gbench) {
    g_corpus = &corpus;
    g_scanner = scanner->get();
    g_keywords = &keywords;
    benchmark::RegisterBenchmark("engine", BM_Engine)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("gitleaks_design", BM_GitleaksDesign)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("hyperscan_keywords_only", BM_HyperscanKeywordsOnly)
        ->Unit(benchmark::kMillisecond);
    int gargc = static_cast<int>(gbench_args.size());
    benchmark::Initialize(&gargc, gbench_args.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
  }

  auto worker = (*scanner)->make_worker();
  const RunResult a = run_scanner(**worker, corpus, repeat);
  fmt::print("(a) shieldwall engine:       {:8.1f} MB/s  {:7.2f} s  {} findings\n",
             mbps(corpus.bytes, a.seconds), a.seconds, a.found.size());
  size_t kw_hits = 0;
  const double c_s = keywords.run(corpus, repeat, kw_hits);
  fmt::print("(c) Hyperscan keywords only: {:8.1f} MB/s  {:7.2f} s  ({} keyword hits)\n",
             mbps(corpus.bytes, c_s), c_s, kw_hits);
  if (per_rule) {
    std::map<std::string, size_t> by_rule;
    for (const auto& m : a.found) ++by_rule[m.rule_id];
    for (const auto& [id, n] : by_rule) fmt::print("  {:>7}  {}\n", n, id);
  }
  if (skip_reference) return 0;

  auto ref_worker = (*scanner)->make_reference_worker();
  const RunResult b = run_scanner(**ref_worker, corpus, repeat);
  fmt::print("(b) gitleaks design:         {:8.1f} MB/s  {:7.2f} s  {} findings\n",
             mbps(corpus.bytes, b.seconds), b.seconds, b.found.size());
  fmt::print("ratio (a)/(b): {:.2f}x   (a)/(c): {:.2f}\n", b.seconds / a.seconds, c_s / a.seconds);

  std::vector<std::string> ka;
  std::vector<std::string> kb;
  for (const auto& m : a.found) ka.push_back(key(m));
  for (const auto& m : b.found) kb.push_back(key(m));
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  if (ka == kb) {
    fmt::print("findings of (a) and (b): identical ({})\n", ka.size());
    return 0;
  }
  std::vector<std::string> only_a;
  std::vector<std::string> only_b;
  std::set_difference(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(only_a));
  std::set_difference(kb.begin(), kb.end(), ka.begin(), ka.end(), std::back_inserter(only_b));
  fmt::print("findings of (a) and (b) DIFFER: {} only in (a), {} only in (b)\n", only_a.size(),
             only_b.size());
  // Positions and rule ids only: never print a secret.
  auto strip = [](const std::string& k) { return k.substr(0, k.rfind(':')); };
  for (size_t i = 0; i < std::min<size_t>(only_a.size(), 10); ++i) {
    fmt::print("  only (a): {}\n", strip(only_a[i]));
  }
  for (size_t i = 0; i < std::min<size_t>(only_b.size(), 10); ++i) {
    fmt::print("  only (b): {}\n", strip(only_b[i]));
  }
  return 1;
}
