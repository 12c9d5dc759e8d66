// SPDX-License-Identifier: Apache-2.0
// The URL detectors (sw_phish) on a labelled set: recall on phishing URLs, false-positive rate on
// legitimate ones, per-detector hit counts on each set, URLs/second on one core.
//   sw_phish_url_eval /work/shared/data/phishing/urls [--show-misses N] [--show-fp N]
// The directory holds phish_urls.csv (PhishTank: phish_id,url,...) and legit_urls.txt (one per
// line).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "phish/analyzer.h"
#include "phish/feed.h"

namespace {

struct Tally {
  size_t total = 0, phishing = 0, suspicious = 0, invalid = 0;
  std::map<std::string, size_t> detectors;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [--show-misses N] [--show-fp N]\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  int show_misses = 0, show_fp = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--show-misses") show_misses = std::atoi(argv[i + 1]);
    if (a == "--show-fp") show_fp = std::atoi(argv[i + 1]);
  }
  std::vector<std::string> phish, legit;
  {
    std::ifstream in(dir + "/phish_urls.csv");
    std::string line;
    int col = -1;
    while (std::getline(in, line)) {
      auto f = sw::phish::split_csv_line(line);
      if (col < 0) {
        for (size_t i = 0; i < f.size(); ++i) {
          if (f[i] == "url") col = static_cast<int>(i);
        }
        if (col < 0) {
          std::fprintf(stderr, "phish_urls.csv: no url column\n");
          return 1;
        }
        continue;
      }
      if (static_cast<size_t>(col) < f.size()) phish.push_back(f[static_cast<size_t>(col)]);
    }
    std::ifstream lin(dir + "/legit_urls.txt");
    while (std::getline(lin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) legit.push_back(line);
    }
  }
  if (phish.empty() || legit.empty()) {
    std::fprintf(stderr, "no data under %s\n", dir.c_str());
    return 1;
  }

  sw::phish::UrlAnalyzer analyzer{sw::phish::UrlOptions{}};
  auto run = [&](const std::vector<std::string>& urls, Tally& t, bool is_phish, int show) {
    for (const auto& url : urls) {
      auto v = analyzer.analyze(url);
      ++t.total;
      if (v.verdict == "phishing") ++t.phishing;
      if (v.verdict == "suspicious") ++t.suspicious;
      if (v.verdict == "invalid") ++t.invalid;
      for (const auto& r : v.reasons) ++t.detectors[r.detector];
      bool shown = is_phish ? v.verdict == "legitimate" : v.verdict != "legitimate";
      if (shown && show > 0) {
        --show;
        std::printf("  %s %d %s", v.verdict.c_str(), v.score, url.c_str());
        for (const auto& r : v.reasons) std::printf(" [%s]", r.detector.c_str());
        std::printf("\n");
      }
    }
  };
  // Score distribution: share of each set at or above a threshold (for choosing the defaults).
  std::vector<int> phish_scores, legit_scores;
  for (const auto& url : phish) phish_scores.push_back(analyzer.analyze(url).score);
  for (const auto& url : legit) legit_scores.push_back(analyzer.analyze(url).score);
  std::printf("score >= t:   t  phish%%  legit%%\n");
  for (int t = 10; t <= 70; t += 5) {
    auto at = [t](const std::vector<int>& v) {
      size_t n = 0;
      for (int s : v) n += s >= t ? 1 : 0;
      return 100.0 * static_cast<double>(n) / static_cast<double>(v.size());
    };
    std::printf("            %3d  %5.1f  %5.2f\n", t, at(phish_scores), at(legit_scores));
  }
  Tally tp, tl;
  run(phish, tp, true, show_misses);
  run(legit, tl, false, show_fp);

  auto pct = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
  };
  std::printf(
      "phishing URLs: %zu  recall(phishing) %.1f%%  recall(phishing+suspicious) %.1f%%  "
      "unparseable %zu\n",
      tp.total, pct(tp.phishing, tp.total), pct(tp.phishing + tp.suspicious, tp.total), tp.invalid);
  std::printf(
      "legit URLs:    %zu  FP(phishing) %.2f%%  FP(phishing+suspicious) %.2f%%  "
      "unparseable %zu\n",
      tl.total, pct(tl.phishing, tl.total), pct(tl.phishing + tl.suspicious, tl.total), tl.invalid);
  std::printf("detector hits (phish / legit):\n");
  std::map<std::string, std::pair<size_t, size_t>> all;
  for (auto& [k, n] : tp.detectors) all[k].first = n;
  for (auto& [k, n] : tl.detectors) all[k].second = n;
  for (auto& [k, n] : all) std::printf("  %-15s %6zu %6zu\n", k.c_str(), n.first, n.second);

  // Speed: all URLs, repeated until at least one second, one thread.
  std::vector<std::string> urls = phish;
  urls.insert(urls.end(), legit.begin(), legit.end());
  size_t done = 0;
  int sink = 0;
  auto t0 = std::chrono::steady_clock::now();
  double secs = 0;
  do {
    for (const auto& url : urls) sink += analyzer.analyze(url).score;
    done += urls.size();
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  } while (secs < 1.0);
  std::printf("speed: %.0f URLs/s on one core (%zu URLs in %.2f s; checksum %d)\n",
              static_cast<double>(done) / secs, done, secs, sink);
  return 0;
}
