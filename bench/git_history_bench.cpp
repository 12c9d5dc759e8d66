// SPDX-License-Identifier: Apache-2.0
// Git history source throughput: walks and diffs every commit of a repository with
// secrets::scan_git and a scanner that only looks for one literal (so what is timed is the walk,
// the diffs and the pipeline, not the rules), once per thread count.
//
//   sw_git_history_bench REPO [THREADS...]      e.g. sw_git_history_bench ~/src/linux 1 2 4
//
// Prints commits, hunks, MB of added lines, seconds, MB/s and commits/s per thread count, and
// whether the findings were identical across thread counts.
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "secrets/git_history.h"

namespace {

class LiteralScanner final : public sw::secrets::FragmentScanner {
 public:
  sw::Result<void> scan(const sw::secrets::Fragment& fragment,
                        std::vector<sw::secrets::SecretMatch>& out) override {
    for (size_t pos = fragment.text.find("PRIVATE KEY"); pos != std::string_view::npos;
         pos = fragment.text.find("PRIVATE KEY", pos + 1)) {
      sw::secrets::SecretMatch match;
      match.rule_id = "literal";
      match.path = fragment.path;
      match.commit = fragment.commit;
      out.push_back(std::move(match));
    }
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} REPO [THREADS...]\n", argv[0]);
    return 2;
  }
  std::vector<int> thread_counts;
  for (int i = 2; i < argc; ++i) thread_counts.push_back(std::atoi(argv[i]));
  if (thread_counts.empty()) thread_counts = {1, 2};
  const sw::secrets::WorkerFactory factory =
      []() -> sw::Result<std::unique_ptr<sw::secrets::FragmentScanner>> {
    return std::make_unique<LiteralScanner>();
  };
  std::vector<std::string> first;
  bool same = true;
  for (const int threads : thread_counts) {
    sw::secrets::GitScanOptions options;
    options.repo_path = argv[1];
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    auto result = sw::secrets::scan_git(options, factory);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
      fmt::print(stderr, "error: {}\n", result.error().to_string());
      return 2;
    }
    std::vector<std::string> keys;
    for (const auto& m : result->matches) keys.push_back(m.commit + ":" + m.path);
    if (first.empty()) {
      first = keys;
    } else if (keys != first) {
      same = false;
    }
    const double mb = static_cast<double>(result->bytes) / 1e6;
    fmt::print(
        "threads={} commits={} hunks={} added={:.1f} MB time={:.2f} s  {:.1f} MB/s  {:.0f} "
        "commits/s  matches={} errors={} binary={} cache_hits={}\n",
        threads, result->commits, result->fragments, mb, seconds, mb / seconds,
        static_cast<double>(result->commits) / seconds, result->matches.size(),
        result->errors.size(), result->binary_skipped, result->diff_cache_hits);
  }
  fmt::print("identical findings across thread counts: {}\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
