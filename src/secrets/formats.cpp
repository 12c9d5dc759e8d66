// SPDX-License-Identifier: Apache-2.0
// gitleaks-shaped writers (see formats.h). Field order, message wording and layout follow
// gitleaks' report/{json,csv,junit,sarif}.go as their reference outputs show them; the bytes come
// from go_encoding.h.
#include "secrets/formats.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "secrets/fingerprint.h"
#include "secrets/go_encoding.h"
#include "secrets/redact.h"

namespace sw::secrets {
namespace {

constexpr std::string_view kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSarifVersion = "2.1.0";
constexpr std::string_view kInformationUri = "https://shieldwall.invalid/docs";
constexpr size_t kMaxTextMatch = 200;

// A finding as shown: redacted unless asked otherwise, with gitleaks' fingerprint.
struct View {
  SecretMatch shown;
  std::string fingerprint;
};

View view_of(const SecretMatch& m, bool show) {
  return View{show ? m : redacted_copy(m), gitleaks_fingerprint(m)};
}

void finding_json(go::JsonWriter& w, const View& v) {
  const SecretMatch& m = v.shown;
  w.begin_object();
  w.key("RuleID").string(m.rule_id);
  w.key("Description").string(m.description);
  w.key("StartLine").integer(m.start_line);
  w.key("EndLine").integer(m.end_line);
  w.key("StartColumn").integer(m.start_column);
  w.key("EndColumn").integer(m.end_column);
  w.key("Match").string(v.shown.match);
  w.key("Secret").string(v.shown.secret);
  w.key("File").string(m.path);
  w.key("SymlinkFile").string("");
  w.key("Commit").string(m.commit);
  w.key("Entropy").float32(m.entropy);
  w.key("Author").string(v.shown.author);
  w.key("Email").string(v.shown.email);
  w.key("Date").string(v.shown.date);
  w.key("Message").string(v.shown.message);
  w.key("Tags").strings(m.tags);
  w.key("Fingerprint").string(v.fingerprint);
  w.end();
}

std::string junit_message(const SecretMatch& m) {
  if (m.commit.empty()) {
    return fmt::format("{} has detected a secret in file {}, line {}.", m.rule_id, m.path,
                       m.start_line);
  }
  return fmt::format("{} has detected a secret in file {}, line {}, at commit {}.", m.rule_id,
                     m.path, m.start_line, m.commit);
}

std::string sarif_message(const SecretMatch& m) {
  if (m.commit.empty())
    return fmt::format("{} has detected secret for file {}.", m.rule_id, m.path);
  return fmt::format("{} has detected secret for file {} at commit {}.", m.rule_id, m.path,
                     m.commit);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  if (s.size() > kMaxTextMatch) {
    size_t cut = kMaxTextMatch;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    s += "\u2026";
  }
  return s;
}

}  // namespace

std::optional<SecretFormat> parse_secret_format(std::string_view name) {
  if (name == "text") return SecretFormat::kText;
  if (name == "json") return SecretFormat::kJson;
  if (name == "csv") return SecretFormat::kCsv;
  if (name == "junit") return SecretFormat::kJunit;
  if (name == "sarif") return SecretFormat::kSarif;
  return std::nullopt;
}

void write_gitleaks_json(const std::vector<SecretMatch>& matches, std::ostream& out,
                         const FormatOptions& options) {
  std::string doc;
  go::JsonWriter w(doc, "", " ");
  w.begin_array();
  for (const SecretMatch& m : matches) finding_json(w, view_of(m, options.show_secrets));
  w.end();
  w.finish();
  out << doc;
}

void write_csv(const std::vector<SecretMatch>& matches, std::ostream& out,
               const FormatOptions& options) {
  if (matches.empty()) return;
  out << go::csv_record({"RuleID", "Commit", "File", "SymlinkFile", "Secret", "Match", "StartLine",
                         "EndLine", "StartColumn", "EndColumn", "Author", "Message", "Date",
                         "Email", "Fingerprint", "Tags"});
  for (const SecretMatch& m : matches) {
    const View v = view_of(m, options.show_secrets);
    out << go::csv_record({m.rule_id, m.commit, m.path, "", v.shown.secret, v.shown.match,
                           std::to_string(m.start_line), std::to_string(m.end_line),
                           std::to_string(m.start_column), std::to_string(m.end_column),
                           v.shown.author, v.shown.message, v.shown.date, v.shown.email,
                           v.fingerprint, join(m.tags, " ")});
  }
}

void write_junit(const std::vector<SecretMatch>& matches, std::ostream& out,
                 const FormatOptions& options) {
  const std::string n = std::to_string(matches.size());
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  out << "\t<testsuite failures=\"" << n << "\" name=\"gitleaks\" tests=\"" << n << "\" time=\"\">";
  for (const SecretMatch& m : matches) {
    std::string data;
    go::JsonWriter w(data, "", "\t");
    finding_json(w, view_of(m, options.show_secrets));
    const std::string message = go::xml_escape(junit_message(m));
    const std::string type = go::xml_escape(m.description);
    out << "\n\t\t<testcase classname=\"" << type << "\" file=\"" << go::xml_escape(m.path)
        << "\" name=\"" << message << "\" time=\"\">";
    out << "\n\t\t\t<failure message=\"" << message << "\" type=\"" << type << "\">"
        << go::xml_escape(data) << "</failure>";
    out << "\n\t\t</testcase>";
  }
  if (!matches.empty()) out << "\n\t";
  out << "</testsuite>\n</testsuites>";
}

void write_gitleaks_sarif(const std::vector<SecretMatch>& matches, std::ostream& out,
                          const FormatOptions& options) {
  std::map<std::string, std::string> rules;  // id -> description, sorted by id as gitleaks does
  if (options.rules) {
    for (const Rule& r : options.rules->rules) rules.emplace(r.id, r.description);
  } else {
    for (const SecretMatch& m : matches) rules.emplace(m.rule_id, m.description);
  }
  std::string doc;
  go::JsonWriter w(doc, "", " ");
  w.begin_object();
  w.key("$schema").string(kSarifSchema);
  w.key("version").string(kSarifVersion);
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").string("shieldwall");
  w.key("semanticVersion").string(options.tool_version);
  w.key("informationUri").string(kInformationUri);
  w.key("rules").begin_array();
  for (const auto& [id, description] : rules) {
    w.begin_object();
    w.key("id").string(id);
    w.key("shortDescription").begin_object().key("text").string(description).end();
    w.end();
  }
  w.end().end().end();  // rules, driver, tool
  w.key("results").begin_array();
  for (const SecretMatch& m : matches) {
    const View v = view_of(m, options.show_secrets);
    w.begin_object();
    w.key("message").begin_object().key("text").string(sarif_message(m)).end();
    w.key("ruleId").string(m.rule_id);
    w.key("locations").begin_array().begin_object();
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").string(m.path).end();
    w.key("region").begin_object();
    w.key("startLine").integer(m.start_line);
    w.key("startColumn").integer(m.start_column);
    w.key("endLine").integer(m.end_line);
    w.key("endColumn").integer(m.end_column);
    w.key("snippet").begin_object().key("text").string(v.shown.secret).end();
    w.end().end().end().end();  // region, physicalLocation, location, locations
    w.key("partialFingerprints").begin_object();
    w.key("commitSha").string(m.commit);
    w.key("email").string(v.shown.email);
    w.key("author").string(v.shown.author);
    w.key("date").string(v.shown.date);
    w.key("commitMessage").string(v.shown.message);
    w.key("shieldwall/v1").string(secret_fingerprint(m));
    w.end();
    w.key("properties").begin_object().key("tags").strings(m.tags).end();
    w.end();
  }
  w.end().end().end().end();  // results, run, runs, document
  w.finish();
  out << doc;
}

void write_secrets_text(const std::vector<SecretMatch>& matches, std::ostream& out,
                        const FormatOptions& options) {
  auto line = [&out](std::string_view label, std::string_view value) {
    out << fmt::format("{:<12} {}\n", label, value);
  };
  for (const SecretMatch& m : matches) {
    const View v = view_of(m, options.show_secrets);
    line("Finding:", one_line(v.shown.match.empty() ? v.shown.secret : v.shown.match));
    line("Secret:", one_line(v.shown.secret));
    line("RuleID:", m.rule_id);
    line("Entropy:", fmt::format("{:f}", m.entropy));
    line("File:", m.path);
    line("Line:", std::to_string(m.start_line));
    if (!m.commit.empty()) {
      line("Commit:", m.commit);
      line("Author:", v.shown.author);
      line("Email:", v.shown.email);
      line("Date:", v.shown.date);
    }
    if (!m.validation.empty()) line("Validation:", m.validation);
    line("Fingerprint:", fmt::format("{} (gitleaks: {})", secret_fingerprint(m), v.fingerprint));
    out << '\n';
  }
  if (matches.empty()) {
    out << "no secrets found\n";
  } else {
    out << fmt::format("{} secret{} found{}\n", matches.size(), matches.size() == 1 ? "" : "s",
                       options.show_secrets ? "" : " (redacted)");
  }
}

void write_secrets(SecretFormat format, const std::vector<SecretMatch>& matches, std::ostream& out,
                   const FormatOptions& options) {
  switch (format) {
    case SecretFormat::kText:
      return write_secrets_text(matches, out, options);
    case SecretFormat::kJson:
      return write_gitleaks_json(matches, out, options);
    case SecretFormat::kCsv:
      return write_csv(matches, out, options);
    case SecretFormat::kJunit:
      return write_junit(matches, out, options);
    case SecretFormat::kSarif:
      return write_gitleaks_sarif(matches, out, options);
  }
}

}  // namespace sw::secrets
