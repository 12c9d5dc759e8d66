// SPDX-License-Identifier: Apache-2.0
// Google Benchmark programs for the scan engine on this machine: every check without the walk, and
// the parsers on synthetic inputs. The side-by-side comparison with Lynis is bench/scan_vs_lynis.sh.
#include <string>

#include <benchmark/benchmark.h>

#include "core/config.h"
#include "core/host.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/runner.h"

namespace {

void BM_AllChecksNoWalk(benchmark::State& state) {
  sw::Host host("/");
  sw::Config config;
  auto checks = sw::scan::select_checks({}, config);
  for (auto _ : state) {
    sw::scan::ScanOptions options;
    options.walk = false;
    sw::scan::ScanContext ctx(host, options);
    sw::Report report;
    sw::scan::run_checks(ctx, checks, config, report);
    benchmark::DoNotOptimize(report.findings.size());
  }
  state.counters["checks"] = static_cast<double>(checks.size());
}
BENCHMARK(BM_AllChecksNoWalk)->Unit(benchmark::kMillisecond);

void BM_ParsePasswd(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < state.range(0); ++i) {
    text += "user" + std::to_string(i) + ":x:" + std::to_string(1000 + i) + ":100::/home/u" +
            std::to_string(i) + ":/bin/bash\n";
  }
  for (auto _ : state) {
    sw::scan::Accounts accounts;
    std::vector<sw::Error> errors;
    sw::scan::parse_passwd(text, accounts, errors);
    benchmark::DoNotOptimize(accounts.accounts.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParsePasswd)->Arg(100)->Arg(10000);

}  // namespace

BENCHMARK_MAIN();
