// SPDX-License-Identifier: Apache-2.0
// Google Benchmark of the zxcvbn 4.4.2 port (password/estimator.h): a handful of passwords of the
// kinds zxcvbn distinguishes, and the 1 MB password the truncation rule keeps linear.
//   sw_password_bench [--benchmark_filter=...]
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "password/estimator.h"

namespace {

const sw::password::EstimatorOptions kOpts = {.reference_year = 2026};

void run(benchmark::State& state, const std::string& pw,
         const std::vector<std::string>& user = {}) {
  for (auto _ : state) {
    auto est = sw::password::estimate(pw, user, kOpts);
    benchmark::DoNotOptimize(est);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Common(benchmark::State& s) { run(s, "password"); }
void BM_L33tCapitalised(benchmark::State& s) { run(s, "P@ssw0rd!1987"); }
void BM_Passphrase(benchmark::State& s) { run(s, "correct horse battery staple"); }
void BM_Keyboard(benchmark::State& s) { run(s, "qwertyuiop[]asdf"); }
void BM_Random(benchmark::State& s) { run(s, "L=tt;_yL/@];6h>"); }
void BM_UserInputs(benchmark::State& s) {
  run(s, "Davidgarcia19*", {"david", "garcia", "acme", "david.garcia@acme.com"});
}
void BM_Emoji(benchmark::State& s) { run(s, "\xF0\x9F\x98\x80 caf\xC3\xA9 \xCE\xA3\xCE\xA9 2019"); }
void BM_MaxLength256(benchmark::State& s) {
  std::string pw;
  while (pw.size() < 256) pw += "Tr0ub4dor&3 ";
  pw.resize(256);
  run(s, pw);
}
void BM_OneMegabyte(benchmark::State& s) {
  std::string pw;
  while (pw.size() < (1u << 20)) pw += "correct horse battery staple ";
  pw.resize(1u << 20);
  run(s, pw);
}

BENCHMARK(BM_Common);
BENCHMARK(BM_L33tCapitalised);
BENCHMARK(BM_Passphrase);
BENCHMARK(BM_Keyboard);
BENCHMARK(BM_Random);
BENCHMARK(BM_UserInputs);
BENCHMARK(BM_Emoji);
BENCHMARK(BM_MaxLength256);
BENCHMARK(BM_OneMegabyte)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
