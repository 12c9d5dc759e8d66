// SPDX-License-Identifier: Apache-2.0
// shieldwall report JSON -> model findings. The mapping is documented in import_report.h; the
// parsing is nlohmann-json's (non-throwing parse, typed access through the helpers below).
#include "graph/import_report.h"

#include <algorithm>
#include <set>
#include <utility>

#include <simdjson.h>

#include <fmt/format.h>

#include "graph/import_util.h"

namespace sw::graph {
namespace {

using nlohmann::json;

constexpr std::string_view kSchema = "shieldwall/report/v1";

std::string str(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Every "CVE-YYYY-NNNN..." in `text`, in order, appended to `out` without duplicates.
void collect_cves(std::string_view text, std::vector<std::string>& out) {
  std::size_t pos = 0;
  while ((pos = text.find("CVE-", pos)) != std::string_view::npos) {
    std::size_t i = pos + 4;
    std::size_t year = 0;
    while (i < text.size() && is_digit(text[i]) && year < 4) ++i, ++year;
    if (year == 4 && i < text.size() && text[i] == '-') {
      std::size_t j = i + 1;
      while (j < text.size() && is_digit(text[j])) ++j;
      if (j - (i + 1) >= 4) {
        std::string cve(text.substr(pos, j - pos));
        if (std::find(out.begin(), out.end(), cve) == out.end()) out.push_back(std::move(cve));
      }
      pos = j;
    } else {
      pos += 4;
    }
  }
}

bool is_vuln_check(std::string_view check) {
  return check == "host.updates.vulnerable_packages" ||
         check == "host.updates.vulnerable_dependencies";
}

bool is_secret_check(std::string_view check) {
  static const std::set<std::string_view> kScan = {
      "host.home.aws_credentials",  "host.home.docker_config_auth",
      "host.home.git_credentials",  "host.home.netrc_passwords",
      "host.home.pgpass_passwords", "host.home.ssh_key_no_passphrase"};
  return check.substr(0, 8) == "secrets." || kScan.count(check) != 0;
}

bool is_kernel_package(std::string_view p) {
  const std::string l = lower(p);
  return l == "linux" || l == "kernel" || l == "kernel-core" || l.rfind("linux-image-", 0) == 0 ||
         l.rfind("linux-signed", 0) == 0;
}

bool mentions_kev(const json& f) {
  for (std::string_view key : {"title", "evidence", "why"}) {
    const std::string t = lower(str(f, key));
    if (t.find("actively exploited") != std::string::npos ||
        t.find("cisa kev") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// True when a service's free-text product names the package: "apache2 2.4.49" or "nginx/1.25"
// for apache2 / nginx, "github.com/wazuh/wazuh 4.5.0" for github.com/wazuh/wazuh (no case).
bool product_runs(std::string_view product, std::string_view package) {
  if (package.empty()) return false;
  const std::string p = lower(product), k = lower(package);
  if (p.rfind(k, 0) != 0) return false;
  return p.size() == k.size() || p[k.size()] == ' ' || p[k.size()] == '/' || p[k.size()] == '\t';
}

Asset* find_asset(Model& model, std::string_view id) {
  for (Asset& a : model.assets) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

}  // namespace

bool looks_like_report(std::string_view text) {
  // simdjson On-Demand reads only as far as the top-level `schema` field: this is asked of every
  // JSON input, and a model can be tens of megabytes.
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(text);
  simdjson::ondemand::document doc;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS) return false;
  simdjson::ondemand::object root;
  if (doc.get_object().get(root) != simdjson::SUCCESS) return false;
  std::string_view schema;
  if (root.find_field_unordered("schema").get_string().get(schema) != simdjson::SUCCESS) {
    return false;
  }
  return schema == kSchema;
}

Result<ReportImportStats> import_report_text(std::string_view text, const std::string& origin,
                                             Model& model, std::vector<Error>& errors) {
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return fail(Errc::kParse, "not valid JSON", origin);
  if (!doc.is_object() || str(doc, "schema") != kSchema) {
    return fail(Errc::kParse,
                fmt::format("not a shieldwall report (schema is not \"{}\")", kSchema), origin);
  }
  auto fit = doc.find("findings");
  if (fit == doc.end() || !fit->is_array()) {
    return fail(Errc::kParse, "report has no findings array", origin);
  }
  const std::string report_host = str(doc, "host");
  const std::string command = str(doc, "command");

  ReportImportStats stats;
  std::set<std::string> finding_ids;
  for (const Finding& f : model.findings) finding_ids.insert(f.id);

  std::size_t index = 0;
  for (const json& f : *fit) {
    const std::size_t at = index++;
    if (!f.is_object()) {
      errors.emplace_back(Errc::kParse, fmt::format("findings[{}]: not an object; left out", at),
                          origin);
      continue;
    }
    ++stats.findings;
    const std::string raw_id = str(f, "id");
    const std::string check = str(f, "check");
    if (raw_id.empty() || check.empty()) {
      errors.emplace_back(Errc::kParse, fmt::format("findings[{}]: no id or check; left out", at),
                          origin);
      continue;
    }
    const std::string id = import::make_id(raw_id);
    std::string host = str(f, "host");
    if (host.empty()) host = report_host;
    if (host.empty()) {
      errors.emplace_back(
          Errc::kParse,
          fmt::format("finding {} ({}): no host to attach it to; left out", raw_id, check), origin);
      continue;
    }
    if (finding_ids.count(id) != 0) {
      ++stats.kept_existing;
      continue;
    }
    const std::string asset_id = import::make_id(host);
    Asset* asset = find_asset(model, asset_id);
    if (asset == nullptr) {
      Asset a;
      a.id = asset_id;
      a.kind = "host";
      a.extra = {{"source", "shieldwall report"}, {"name", host}};
      a.origin = Origin{origin, 0};
      model.assets.push_back(std::move(a));
      asset = &model.assets.back();
      ++stats.assets_created;
    }

    Finding m;
    m.id = id;
    m.asset = asset_id;
    m.title = str(f, "title");
    m.gate.fix = str(f, "fix");
    m.origin = Origin{origin, 0};
    m.extra = {{"source", command.empty() ? std::string("report") : command}, {"check", check}};
    for (std::string_view key : {"severity", "category", "subject", "package"}) {
      std::string v = str(f, key);
      if (!v.empty()) m.extra[std::string(key)] = std::move(v);
    }
    if (auto r = f.find("risk"); r != f.end() && r->is_number()) m.extra["risk"] = r->get<double>();
    if (auto loc = f.find("location"); loc != f.end() && loc->is_object()) {
      std::string path = str(*loc, "path");
      if (!path.empty()) m.extra["path"] = std::move(path);
      if (auto l = loc->find("line"); l != loc->end() && l->is_number_integer()) {
        m.extra["line"] = l->get<long long>();
      }
    }
    if (auto resp = f.find("responsible"); resp != f.end() && resp->is_object()) {
      const std::string role = str(*resp, "role");
      const std::string name = str(*resp, "name");
      m.extra["responsible"] = name.empty() ? role : fmt::format("{} ({})", role, name);
      if (role.rfind("team:", 0) == 0 && role.size() > 5) {
        m.gate.owner = import::make_id(role.substr(5));
        if (import::index_of(model.owners, m.gate.owner) < 0) {
          Owner o;
          o.id = m.gate.owner;
          o.kind = "team";
          o.origin = Origin{origin, 0};
          model.owners.push_back(std::move(o));
        }
      }
    }

    if (is_vuln_check(check)) {
      m.kind = "vuln";
      ++stats.vulns;
      std::vector<std::string> cves;
      collect_cves(str(f, "evidence"), cves);
      if (auto refs = f.find("references"); refs != f.end() && refs->is_array()) {
        for (const json& r : *refs) {
          if (r.is_string()) collect_cves(r.get<std::string>(), cves);
        }
      }
      collect_cves(str(f, "title"), cves);
      if (!cves.empty()) {
        m.cve = cves.front();
        m.extra["cves"] = cves;
      }
      const bool kev = mentions_kev(f);
      if (kev) m.kev = true;
      const std::string package = str(f, "package");
      std::string why_none;
      if (!kev) {
        why_none = "no advisory is known to be exploited (KEV) and the report has no CVSS vector";
      } else if (is_kernel_package(package)) {
        m.effect = Effect::kPrivEsc;
      } else {
        const Service* svc = nullptr;
        for (const Service& s : asset->services) {
          if (product_runs(s.product, package)) {
            svc = &s;
            break;
          }
        }
        if (svc != nullptr) {
          m.effect = Effect::kCodeExec;
          m.port = svc->port;
        } else {
          why_none = "no service of the asset in the model runs this package";
        }
      }
      if (m.effect == Effect::kNone) {
        m.extra["effect_unknown"] = why_none;
      } else {
        ++stats.vulns_with_effect;
      }
    } else if (is_secret_check(check)) {
      m.kind = "secret";
      ++stats.secrets;
      m.extra["grants_unknown"] = "the report does not say what the credential grants";
      if (auto d = f.find("details"); d != f.end() && d->is_object()) {
        std::string rule = str(*d, "rule");
        if (!rule.empty()) m.extra["rule"] = std::move(rule);
      }
    } else {
      m.kind = "check";
      ++stats.other;
    }
    finding_ids.insert(m.id);
    model.findings.push_back(std::move(m));
  }
  if (std::find(model.files.begin(), model.files.end(), origin) == model.files.end()) {
    model.files.push_back(origin);
  }
  return stats;
}

Result<ReportImportStats> import_report_file(const std::string& path, Model& model,
                                             std::vector<Error>& errors) {
  auto bytes = import::read_whole(path, import::kMaxImportBytes);
  if (!bytes) return Unexpected(bytes.error());
  return import_report_text(*bytes, path, model, errors);
}

}  // namespace sw::graph
