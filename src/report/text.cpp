// SPDX-License-Identifier: Apache-2.0
// Text report: weakest link first, then each responsible party's part, then what could not be
// decided. Colour only when asked (the CLI asks when stdout is a terminal).
#include <algorithm>
#include <map>
#include <string>

#include <fmt/format.h>

#include "report/writers.h"

namespace sw::report {
namespace {

constexpr size_t kWidth = 100;
constexpr size_t kMaxPerCheck = 5;  // per party; the rest is counted ("and N more")

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string bold(std::string_view t) const { return wrap("1", t); }
  std::string dim(std::string_view t) const { return wrap("2", t); }
  std::string severity(Severity s, std::string_view t) const {
    switch (s) {
      case Severity::kCritical:
        return wrap("1;97;41", t);
      case Severity::kHigh:
        return wrap("1;31", t);
      case Severity::kMedium:
        return wrap("33", t);
      case Severity::kLow:
        return wrap("36", t);
      case Severity::kInfo:
        return wrap("2", t);
    }
    return std::string(t);
  }
};

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// Wraps `text` at word boundaries to kWidth, every line after the first indented by `indent`.
std::string wrap_line(std::string_view text, size_t first_col, size_t indent);

// Wraps each line of `text` on its own (evidence may hold one line per item), every line after
// the first starting at `indent`.
std::string wrap_text(std::string_view text, size_t first_col, size_t indent) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    const std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (start > 0) {
      out += '\n';
      out.append(indent, ' ');
    }
    out += wrap_line(line, start == 0 ? first_col : indent, indent);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string wrap_line(std::string_view text, size_t first_col, size_t indent) {
  std::string out;
  size_t col = first_col;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    if (col > indent && col + 1 + word.size() > kWidth) {
      out += '\n';
      out.append(indent, ' ');
      col = indent;
    } else if (!out.empty()) {
      out += ' ';
      ++col;
    }
    out.append(word);
    col += word.size();
    i = j + 1;
  }
  return out;
}

std::string counts_text(const std::array<int, 5>& by) {
  std::string out;
  for (int s = 4; s >= 0; --s) {
    int n = by[static_cast<size_t>(s)];
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, severity_name(static_cast<Severity>(s)));
  }
  return out;
}

void write_finding(const Finding& f, const Style& st, std::ostream& out) {
  out << "  " << st.severity(f.severity, fmt::format("[{}]", upper(severity_name(f.severity))))
      << ' ' << st.bold(f.title) << '\n';
  out << "      " << f.subject << '\n';
  if (!f.evidence.empty()) out << "      seen:  " << wrap_text(f.evidence, 13, 13) << '\n';
  out << "      why:   " << wrap_text(f.why, 13, 13) << '\n';
  out << "      fix:   " << wrap_text(f.fix, 13, 13) << '\n';
  std::string refs;
  for (const auto& r : f.references) refs += (refs.empty() ? "" : ", ") + r;
  out << "      "
      << st.dim(
             fmt::format("id {}  check {}{}", f.id, f.check, refs.empty() ? "" : "  refs " + refs))
      << "\n\n";
}

}  // namespace

void write_text(const Report& r, std::ostream& out, const TextOptions& options) {
  Style st{options.color};
  out << st.bold(fmt::format("shieldwall {}", r.command)) << " — host " << r.host;
  if (r.root != "/") out << " (root " << r.root << ")";
  out << fmt::format(", {}, {:.1f} s\n", r.started_at, r.duration_ms / 1000.0);
  if (!r.environment.empty()) {
    std::string env;
    for (const auto& e : r.environment) env += (env.empty() ? "" : ", ") + e;
    out << st.dim("environment: " + env) << '\n';
  }
  out << '\n';

  if (r.posture.weakest) {
    const Finding& w = r.findings[*r.posture.weakest];
    out << st.bold("WEAKEST LINK") << "  "
        << st.severity(w.severity, fmt::format("[{}]", upper(severity_name(w.severity)))) << ' '
        << st.bold(w.title) << '\n';
    out << "  " << w.subject << " — " << w.responsible.part_title() << '\n';
    out << fmt::format(
        "  Posture {:.0f}/100 (grade {}): a chain is as strong as its weakest link. "
        "Mean over {} finding{}: {:.0f}/100.\n\n",
        r.posture.score, r.posture.grade, r.findings.size(), r.findings.size() == 1 ? "" : "s",
        r.posture.mean_score);
  } else {
    out << st.bold("No weaknesses found") << " by the checks that could run";
    out << fmt::format(" (posture {:.0f}/100).\n\n", r.posture.score);
  }

  for (const auto& party : r.parties) {
    out << st.bold(fmt::format("── {} — {} ──", party.party.part_title(),
                               counts_text(party.by_severity)))
        << "\n\n";
    std::map<std::string, size_t> shown;
    std::map<std::string, size_t> hidden;
    std::vector<std::string> order;
    for (size_t i : party.findings) {
      const Finding& f = r.findings[i];
      if (shown[f.check] < kMaxPerCheck || options.verbose) {
        ++shown[f.check];
        write_finding(f, st, out);
      } else {
        if (hidden[f.check]++ == 0) order.push_back(f.check);
      }
    }
    for (const auto& check : order) {
      out << st.dim(fmt::format("  … and {} more from {} (all of them: --format json, or -v)",
                                hidden[check], check))
          << "\n\n";
    }
  }

  out << fmt::format(
      "Checks: {} run — {} passed, {} failed, {} not applicable, {} could not decide\n",
      r.checks.size(), r.count(CheckStatus::kPass), r.count(CheckStatus::kFail),
      r.count(CheckStatus::kNotApplicable), r.count(CheckStatus::kError));
  if (r.count(CheckStatus::kError) > 0) {
    out << '\n' << st.bold("Could not decide (these are not passes):") << '\n';
    for (const auto& c : r.checks) {
      if (c.status != CheckStatus::kError) continue;
      out << "  " << c.id << ": " << wrap_text(c.detail, 4 + c.id.size(), 6) << '\n';
    }
  }
  if (options.verbose) {
    for (CheckStatus s : {CheckStatus::kNotApplicable, CheckStatus::kPass}) {
      if (r.count(s) == 0) continue;
      out << '\n' << st.bold(s == CheckStatus::kPass ? "Passed:" : "Not applicable here:") << '\n';
      for (const auto& c : r.checks) {
        if (c.status != s) continue;
        out << "  " << c.id << (c.detail.empty() ? "" : ": " + c.detail) << '\n';
      }
    }
  }
  if (!r.errors.empty()) {
    out << '\n' << st.bold("Input problems (skipped, the rest was scanned):") << '\n';
    for (const auto& e : r.errors) out << "  " << e << '\n';
  }
  if (!r.notes.empty()) {
    out << '\n';
    for (const auto& n : r.notes) out << "note: " << n << '\n';
  }
}

}  // namespace sw::report
