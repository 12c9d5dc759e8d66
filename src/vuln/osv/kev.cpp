// SPDX-License-Identifier: Apache-2.0
// The CISA Known Exploited Vulnerabilities catalog (https://www.cisa.gov/known-exploited-
// vulnerabilities-catalog; JSON schema cisagov/kev-data
// known_exploited_vulnerabilities_schema.json: catalogVersion, dateReleased, count,
// vulnerabilities[] with cveID, vendorProject, product, vulnerabilityName, dateAdded, dueDate,
// knownRansomwareCampaignUse "Known"/"Unknown"), read with simdjson's DOM parser. A top-level shape
// error is kParse; an entry that is not an object or has no string cveID is skipped (the rest of
// the catalog stays usable); other fields of the wrong type are left empty.
#include <simdjson.h>

#include <fmt/format.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

std::string string_field(simdjson::dom::object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s) != simdjson::SUCCESS) return {};
  return std::string(s);
}

}  // namespace

Result<KevCatalog> parse_kev(std::string_view text, const std::string& path) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto err = parser.parse(text.data(), text.size(), true).get(root);
  if (err != simdjson::SUCCESS) {
    return fail(Errc::kParse, fmt::format("not valid JSON: {}", simdjson::error_message(err)),
                path);
  }
  simdjson::dom::object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return fail(Errc::kParse, "KEV catalog: expected a JSON object", path);
  }
  simdjson::dom::array vulns;
  if (top["vulnerabilities"].get_array().get(vulns) != simdjson::SUCCESS) {
    return fail(Errc::kParse, "KEV catalog: no 'vulnerabilities' array", path);
  }
  KevCatalog cat;
  cat.version = string_field(top, "catalogVersion");
  cat.date_released = string_field(top, "dateReleased");
  cat.entries.reserve(vulns.size());
  for (simdjson::dom::element e : vulns) {
    simdjson::dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) continue;
    KevEntry k;
    k.cve = string_field(o, "cveID");
    if (k.cve.empty()) continue;
    k.vendor = string_field(o, "vendorProject");
    k.product = string_field(o, "product");
    k.name = string_field(o, "vulnerabilityName");
    k.date_added = string_field(o, "dateAdded");
    k.due_date = string_field(o, "dueDate");
    k.ransomware = string_field(o, "knownRansomwareCampaignUse") == "Known";
    cat.entries.push_back(std::move(k));
  }
  return cat;
}

bool looks_like_kev(std::string_view text) {
  // Cheap filter first: ingest calls this on every JSON file.
  if (text.find("\"catalogVersion\"") == std::string_view::npos ||
      text.find("\"vulnerabilities\"") == std::string_view::npos) {
    return false;
  }
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size(), true).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) return false;
  simdjson::dom::element v;
  return top["catalogVersion"].get(v) == simdjson::SUCCESS &&
         top["vulnerabilities"].get_array().error() == simdjson::SUCCESS;
}

}  // namespace sw::vuln
