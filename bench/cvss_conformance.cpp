// SPDX-License-Identifier: Apache-2.0
// CVSS conformance: scores every vector of the RedHatProductSecurity/cvss test files
// (tests/vectors_*) with sw::vuln::cvss_score() and compares with the expected scores.
// Line formats: "<vector> - (<base>, <temporal>, <environmental>)" (v2/v3, "None" when
// undefined), "<vector> - (<score>,)" or "<vector> - <score>" (v4).
// Usage: sw_cvss_conformance DIR   (prints per file: lines, agree, disagree; exit 1 on any
// disagreement or unreadable file).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "vuln/cvss/cvss.h"

namespace {

struct Expected {
  std::vector<std::optional<double>> values;  // base[, temporal, environmental]
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<Expected> parse_expected(std::string_view text) {
  text = trim(text);
  if (text.starts_with('(') && text.ends_with(')')) text = text.substr(1, text.size() - 2);
  Expected e;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = trim(text.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty()) {
      if (comma == text.size()) break;  // trailing comma of "(x,)"
      return std::nullopt;
    }
    if (item == "None") {
      e.values.emplace_back();
      continue;
    }
    try {
      std::size_t used = 0;
      double v = std::stod(std::string(item), &used);
      if (used != item.size()) return std::nullopt;
      e.values.emplace_back(v);
    } catch (...) {
      return std::nullopt;
    }
  }
  if (e.values.empty() || !e.values[0]) return std::nullopt;
  return e;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return !a && !b;
  return std::llround(*a * 10) == std::llround(*b * 10);
}

std::string show(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "None"; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: {} CVSS_VECTORS_DIR\n", argv[0]);
    return 2;
  }
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1], ec)) {
    if (entry.path().filename().string().starts_with("vectors_")) files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    fmt::print(stderr, "{}: no vectors_* files ({})\n", argv[1], ec.message());
    return 2;
  }
  std::sort(files.begin(), files.end());

  bool ok = true;
  long total_lines = 0, total_base_agree = 0, total_agree = 0;
  fmt::print("{:<24} {:>6} {:>11} {:>11} {:>9}\n", "file", "lines", "base agree", "all agree",
             "disagree");
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    long lines = 0, base_agree = 0, agree = 0, disagree = 0;
    std::vector<std::string> shown;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (trim(line).empty()) continue;
      ++lines;
      std::size_t sep = line.find(" - ");
      std::optional<Expected> expected;
      if (sep != std::string::npos)
        expected = parse_expected(std::string_view(line).substr(sep + 3));
      if (!expected) {
        ++disagree;
        if (shown.size() < 5)
          shown.push_back(fmt::format("  line {}: unreadable: {}", line_no, line));
        continue;
      }
      std::string_view vector = trim(std::string_view(line).substr(0, sep));
      auto score = sw::vuln::cvss_score(vector);
      if (!score) {
        ++disagree;
        if (shown.size() < 5) {
          shown.push_back(
              fmt::format("  line {}: {}: error: {}", line_no, vector, score.error().to_string()));
        }
        continue;
      }
      std::vector<std::optional<double>> got{score->base, score->temporal, score->environmental};
      bool base_ok = same(got[0], expected->values[0]);
      bool all_ok = base_ok;
      for (std::size_t i = 1; i < expected->values.size() && i < got.size(); ++i) {
        all_ok = all_ok && same(got[i], expected->values[i]);
      }
      if (base_ok) ++base_agree;
      if (all_ok) {
        ++agree;
        continue;
      }
      ++disagree;
      if (shown.size() < 5) {
        std::string g, x;
        for (std::size_t i = 0; i < expected->values.size(); ++i) {
          g += (i ? ", " : "") + show(got[i]);
          x += (i ? ", " : "") + show(expected->values[i]);
        }
        shown.push_back(
            fmt::format("  line {}: {}: got ({}) expected ({})", line_no, vector, g, x));
      }
    }
    fmt::print("{:<24} {:>6} {:>11} {:>11} {:>9}\n", path.filename().string(), lines, base_agree,
               agree, disagree);
    for (const auto& s : shown) fmt::print("{}\n", s);
    total_lines += lines;
    total_base_agree += base_agree;
    total_agree += agree;
    if (disagree) ok = false;
  }
  fmt::print("{:<24} {:>6} {:>11} {:>11} {:>9}\n", "total", total_lines, total_base_agree,
             total_agree, total_lines - total_agree);
  return ok ? 0 : 1;
}
