// SPDX-License-Identifier: Apache-2.0
// Throughput of the secret scanner's file source alone (walk, open, read/mmap, binary test,
// fan-out to threads) with a null FragmentScanner that only touches every byte, so the figure is
// the ceiling the engine runs under. Prints files, bytes, MB/s, skip counts and peak RSS.
//
//   sw_secrets_files_bench DIR [THREADS] [--gitignore] [--follow]
//
// Not in bench/CMakeLists.txt yet (the lead adds `add_executable(sw_secrets_files_bench
// secrets_files_bench.cpp)` linked to sw_secrets); until then, from the source root:
//   g++ -O2 -std=c++20 -DFMT_SHARED -Isrc bench/secrets_files_bench.cpp
//     src/secrets/{files,file_reader,binary,gitignore}.cpp src/core/error.cpp -lgit2 -lfmt -pthread
// Run it twice and keep the second run (the first warms the page cache). Compare with
// `find DIR -type f -print0 | xargs -0 cat >/dev/null`, the cost of reading alone.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>

#include "secrets/files.h"

namespace {

using sw::secrets::Fragment;
using sw::secrets::FragmentScanner;
using sw::secrets::SecretMatch;

// Reads every byte (a sum no compiler can drop), finds nothing.
class TouchScanner : public FragmentScanner {
 public:
  sw::Result<void> scan(const Fragment& fragment, std::vector<SecretMatch>& out) override {
    unsigned sum = 0;
    for (unsigned char c : fragment.text) sum += c;
    if (sum == 0xdeadbeef) out.emplace_back();
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [THREADS] [--gitignore] [--follow]\n", argv[0]);
    return 2;
  }
  sw::secrets::FileScanOptions options;
  options.threads = 0;
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--gitignore") {
      options.respect_gitignore = true;
    } else if (arg == "--follow") {
      options.follow_symlinks = true;
    } else {
      options.threads = std::atoi(argv[i]);
    }
  }
  sw::secrets::WorkerFactory factory = []() -> sw::Result<std::unique_ptr<FragmentScanner>> {
    return std::make_unique<TouchScanner>();
  };
  auto start = std::chrono::steady_clock::now();
  auto result = sw::secrets::scan_files({argv[1]}, options, factory);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result) {
    std::fprintf(stderr, "error: %s\n", result.error().to_string().c_str());
    return 1;
  }
  std::map<std::string, int> reasons;
  for (const auto& s : result->skipped) {
    std::string key = s.reason.substr(0, s.reason.find(" ("));
    ++reasons[key];
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "files %llu  bytes %llu  %.3f s  %.1f MB/s  ignored %llu  errors %zu  peak RSS %ld MB\n",
      static_cast<unsigned long long>(result->files),
      static_cast<unsigned long long>(result->bytes), seconds,
      static_cast<double>(result->bytes) / 1e6 / seconds,
      static_cast<unsigned long long>(result->ignored), result->errors.size(),
      usage.ru_maxrss / 1024);
  for (const auto& [reason, count] : reasons)
    std::printf("  skipped %-28s %d\n", reason.c_str(), count);
  return 0;
}
