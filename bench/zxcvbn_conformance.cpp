// SPDX-License-Identifier: Apache-2.0
// The estimator against JavaScript zxcvbn 4.4.2's answers (a JSON Lines file of reference results,
// e.g. /work/shared/data/passwords/zxcvbn-reference.jsonl): agreement on the score, guesses
// (relative 1e-6), feedback (warning + suggestions), the sequence's patterns and positions.
// Hand-written because no Debian library reproduces zxcvbn 4.4.2 faithfully.
//
//   sw_zxcvbn_conformance REFERENCE.jsonl [--show N]   agreement figures, first N disagreements
//   sw_zxcvbn_conformance REFERENCE.jsonl --speed      passwords per CPU-second on this thread
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <time.h>

#include <nlohmann/json.hpp>

#include "password/estimator.h"

namespace {

struct Case {
  std::string id;
  std::string password;
  std::vector<std::string> user_inputs;
  int ref_year = 0;
  nlohmann::json expected;
};

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool close(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

// Every field JS reports for a match (ours may have more), numbers compared with ==.
bool same_fields(const nlohmann::json& ours, const nlohmann::json& expected) {
  if (ours.size() != expected.size()) return false;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    for (const auto& [key, value] : expected[k].items()) {
      if (!ours[k].contains(key)) return false;
      if (key == "base_matches") {
        if (!same_fields(ours[k][key], value)) return false;
      } else if (ours[k][key] != value) {
        return false;
      }
    }
  }
  return true;
}

int run_speed(const std::vector<Case>& cases, double seconds) {
  sw::password::EstimatorOptions opts;
  opts.reference_year = 2026;
  std::size_t done = 0;
  double sink = 0;
  const double start = cpu_seconds();
  double now = start;
  int rounds = 0;
  while (now - start < seconds || rounds < 2) {
    for (const Case& c : cases) {
      auto est = sw::password::estimate(c.password, c.user_inputs, opts);
      if (est) sink += est->guesses_log10;
      ++done;
    }
    ++rounds;
    now = cpu_seconds();
  }
  const double secs = now - start;
  std::printf("speed: %zu estimates in %.3f CPU-s (%d rounds of %zu): %.0f passwords/CPU-second\n",
              done, secs, rounds, cases.size(), static_cast<double>(done) / secs);
  for (std::size_t mb : {1, 10}) {
    std::string big;
    big.reserve(mb << 20);
    while (big.size() < (mb << 20)) big += "correct horse battery staple 1987! ";
    big.resize(mb << 20);
    const double t0 = cpu_seconds();
    auto est = sw::password::estimate(big, {}, opts);
    const double t1 = cpu_seconds();
    std::printf("%zu MB password: %.1f ms (score %d, truncated %d)\n", mb, (t1 - t0) * 1e3,
                est ? est->score : -1, est ? int(est->truncated) : -1);
  }
  return sink == 42.4242 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s REFERENCE.jsonl [--speed [--seconds S]] [--show N]\n", argv[0]);
    return 2;
  }
  bool speed = false;
  double seconds = 3.0;
  int show = 0;
  for (int a = 2; a < argc; ++a) {
    std::string arg = argv[a];
    if (arg == "--speed") speed = true;
    if (arg == "--show" && a + 1 < argc) show = std::atoi(argv[++a]);
    if (arg == "--seconds" && a + 1 < argc) seconds = std::atof(argv[++a]);
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", argv[1]);
    return 2;
  }
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    Case c;
    c.id = j.value("id", "");
    c.password = j.at("password").get<std::string>();
    if (j.contains("user_inputs")) {
      for (const auto& u : j["user_inputs"]) {
        c.user_inputs.push_back(u.is_string() ? u.get<std::string>() : u.dump());
      }
    }
    c.ref_year = j.value("ref_year", 2026);
    c.expected = std::move(j);
    cases.push_back(std::move(c));
  }
  if (speed) return run_speed(cases, seconds);

  std::size_t n = 0, score_ok = 0, guesses_ok = 0, feedback_ok = 0, patterns_ok = 0,
              positions_ok = 0, display_ok = 0, exact_ok = 0, all_ok = 0, errors = 0;
  int shown = 0;
  for (const Case& c : cases) {
    ++n;
    sw::password::EstimatorOptions opts;
    opts.reference_year = c.ref_year;
    auto est = sw::password::estimate(c.password, c.user_inputs, opts);
    if (!est) {
      ++errors;
      continue;
    }
    const nlohmann::json& e = c.expected;
    bool s = est->score == e["score"].get<int>();
    bool g = close(est->guesses, e["guesses"].get<double>());
    bool f =
        est->feedback.warning == e["feedback"]["warning"].get<std::string>() &&
        est->feedback.suggestions == e["feedback"]["suggestions"].get<std::vector<std::string>>();
    bool p = est->sequence.size() == e["sequence"].size();
    bool pos = p;
    for (std::size_t k = 0; p && k < est->sequence.size(); ++k) {
      const auto& em = e["sequence"][k];
      p = est->sequence[k].pattern == em["pattern"].get<std::string>();
      pos = pos && p && est->sequence[k].i == em["i"].get<std::size_t>() &&
            est->sequence[k].j == em["j"].get<std::size_t>() &&
            close(est->sequence[k].guesses, em["guesses"].get<double>());
    }
    nlohmann::json ours = sw::password::estimate_json(*est);
    bool d = ours["crack_times_display"] == e["crack_times_display"];
    // Bit-exact: the same doubles and every field of every match (recursively) as JS reports it.
    nlohmann::json full = sw::password::estimate_json(*est, {.include_tokens = true});
    bool x = full["guesses"] == e["guesses"] && full["guesses_log10"] == e["guesses_log10"] &&
             full["crack_times_seconds"] == e["crack_times_seconds"] &&
             same_fields(full["sequence"], e["sequence"]);
    exact_ok += x;
    score_ok += s;
    guesses_ok += g;
    feedback_ok += f;
    patterns_ok += p;
    positions_ok += pos;
    display_ok += d;
    bool all = s && g && f && p && pos && d;
    all_ok += all;
    if (!(all && x) && shown < show) {
      ++shown;
      nlohmann::json mine = sw::password::estimate_json(*est, {.include_tokens = true});
      std::cout << "--- " << c.id << " " << nlohmann::json(c.password).dump() << " score " << s
                << " guesses " << g << " feedback " << f << " patterns " << p << " positions "
                << pos << " display " << d << "\n  expected: " << e["guesses"] << " "
                << e["feedback"].dump() << "\n";
      for (const auto& em : e["sequence"]) {
        nlohmann::json slim = em;
        slim.erase("base_matches");
        std::cout << "    " << slim.dump() << "\n";
      }
      std::cout << "  ours:     " << mine["guesses"] << " " << mine["feedback"].dump() << "\n";
      for (auto& om : mine["sequence"]) {
        om.erase("base_matches");
        std::cout << "    " << om.dump() << "\n";
      }
    }
  }
  auto pct = [&](std::size_t k) { return 100.0 * static_cast<double>(k) / static_cast<double>(n); };
  std::printf("zxcvbn 4.4.2 conformance over %zu passwords (%zu errors)\n", n, errors);
  std::printf("  score            %5zu  %.2f%%\n", score_ok, pct(score_ok));
  std::printf("  guesses (1e-6)   %5zu  %.2f%%\n", guesses_ok, pct(guesses_ok));
  std::printf("  feedback         %5zu  %.2f%%\n", feedback_ok, pct(feedback_ok));
  std::printf("  sequence pattern %5zu  %.2f%%\n", patterns_ok, pct(patterns_ok));
  std::printf("  sequence i/j/g   %5zu  %.2f%%\n", positions_ok, pct(positions_ok));
  std::printf("  crack-time text  %5zu  %.2f%%\n", display_ok, pct(display_ok));
  std::printf("  all of these     %5zu  %.2f%%\n", all_ok, pct(all_ok));
  std::printf("  bit-exact result %5zu  %.2f%%  (every double ==, every match field)\n", exact_ok,
              pct(exact_ok));
  return all_ok == n ? 0 : 1;
}
