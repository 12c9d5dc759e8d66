// SPDX-License-Identifier: Apache-2.0
// HTML report: one self-contained file (inline CSS, no script, no external resource) that opens
// with the weakest link, then each party's part, then the checks that could not decide.
#include <string>

#include <fmt/format.h>

#include "core/html_escape.h"
#include "report/writers.h"

namespace sw::report {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

constexpr std::string_view kCss = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d232b}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:32px 0 12px}
.meta{color:#5b6572;font-size:13px}
.weakest{background:#fff;border-left:6px solid #b3261e;padding:16px 20px;margin:20px 0;border-radius:6px;box-shadow:0 1px 3px #0002}
.weakest .label{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:#b3261e;font-weight:700}
.score{font-size:32px;font-weight:700}
.card{background:#fff;border-radius:6px;padding:12px 16px;margin:10px 0;box-shadow:0 1px 2px #0001}
.card h3{font-size:15px;margin:0 0 6px}
.sev{display:inline-block;font-size:11px;font-weight:700;padding:2px 6px;border-radius:3px;color:#fff;margin-right:6px;text-transform:uppercase}
.critical{background:#7d1a14}.high{background:#c62828}.medium{background:#d98200}.low{background:#2b7bb9}.info{background:#777}
dl{display:grid;grid-template-columns:70px 1fr;gap:2px 10px;margin:6px 0 0} dt{color:#5b6572} dd{margin:0}
.ids{color:#5b6572;font-size:12px;margin-top:6px;font-family:ui-monospace,monospace}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px} td,th{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left}
.st-pass{color:#2e7d32}.st-fail{color:#c62828;font-weight:700}.st-error{color:#d98200;font-weight:700}.st-not_applicable{color:#777}
)";

void finding_card(const Finding& f, std::ostream& out) {
  std::string refs;
  for (const auto& r : f.references) refs += (refs.empty() ? "" : ", ") + esc(r);
  out << fmt::format(
      "<div class=\"card\" id=\"{}\"><h3><span class=\"sev {}\">{}</span>{}</h3>"
      "<div>{}</div><dl>{}<dt>why</dt><dd>{}</dd><dt>fix</dt><dd>{}</dd></dl>"
      "<div class=\"ids\">{} · {}{}</div></div>\n",
      esc(f.id), severity_name(f.severity), severity_name(f.severity), esc(f.title), esc(f.subject),
      f.evidence.empty() ? "" : "<dt>seen</dt><dd>" + esc(f.evidence) + "</dd>", esc(f.why),
      esc(f.fix), esc(f.id), esc(f.check), refs.empty() ? "" : " · " + refs);
}

}  // namespace

void write_html(const Report& r, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>shieldwall " << esc(r.command) << " — " << esc(r.host) << "</title><style>" << kCss
      << "</style></head><body><main>\n";
  // The weakest link comes first: it is what the reader must see before anything else.
  if (r.posture.weakest) {
    const Finding& w = r.findings[*r.posture.weakest];
    out << fmt::format(
        "<section class=\"weakest\" id=\"weakest-link\"><div class=\"label\">Weakest link</div>"
        "<h1><span class=\"sev {}\">{}</span>{}</h1><div>{} — <strong>{}</strong></div>"
        "<p>{}</p><p><strong>Fix:</strong> {}</p>"
        "<div><span class=\"score\">{:.0f}/100</span> posture (grade {}): a chain is as strong as "
        "its weakest link. Mean over {} findings: {:.0f}/100.</div></section>\n",
        severity_name(w.severity), severity_name(w.severity), esc(w.title), esc(w.subject),
        esc(w.responsible.part_title()), esc(w.why), esc(w.fix), r.posture.score, r.posture.grade,
        r.findings.size(), r.posture.mean_score);
  } else {
    out << fmt::format(
        "<section class=\"weakest\" id=\"weakest-link\"><div class=\"label\">Weakest link</div>"
        "<h1>No weaknesses found by the checks that could run</h1>"
        "<div><span class=\"score\">{:.0f}/100</span></div></section>\n",
        r.posture.score);
  }
  std::string env;
  for (const auto& e : r.environment) env += (env.empty() ? "" : ", ") + e;
  out << fmt::format(
      "<p class=\"meta\">shieldwall {} {} · host {} · root {} · {} · {:.1f} s{}</p>\n",
      esc(r.tool_version), esc(r.command), esc(r.host), esc(r.root), esc(r.started_at),
      r.duration_ms / 1000.0, env.empty() ? "" : " · " + esc(env));
  for (const auto& party : r.parties) {
    out << "<h2>" << esc(party.party.part_title()) << "</h2>\n";
    for (size_t i : party.findings) finding_card(r.findings[i], out);
  }
  if (!r.errors.empty()) {
    out << "<h2>Input problems (skipped; the rest was scanned)</h2><ul>";
    for (const auto& e : r.errors) out << "<li>" << esc(e) << "</li>";
    out << "</ul>\n";
  }
  out << fmt::format(
      "<h2>Checks</h2><p>{} run: {} passed, {} failed, {} not applicable, {} could not "
      "decide.</p><table><tr><th>check</th><th>status</th><th>detail</th></tr>\n",
      r.checks.size(), r.count(CheckStatus::kPass), r.count(CheckStatus::kFail),
      r.count(CheckStatus::kNotApplicable), r.count(CheckStatus::kError));
  for (const auto& c : r.checks) {
    out << fmt::format("<tr><td>{}</td><td class=\"st-{}\">{}</td><td>{}</td></tr>\n", esc(c.id),
                       check_status_name(c.status), check_status_name(c.status), esc(c.detail));
  }
  out << "</table>\n";
  for (const auto& n : r.notes) out << "<p class=\"meta\">note: " << esc(n) << "</p>\n";
  out << "</main></body></html>\n";
}

}  // namespace sw::report
