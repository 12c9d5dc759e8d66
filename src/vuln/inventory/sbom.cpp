// SPDX-License-Identifier: Apache-2.0
// SBOM parsing (see sbom.h). CycloneDX JSON/XML: every component of `components`, recursing into
// nested `components` (CycloneDX 1.2+), the top-level metadata.component being the SBOM's subject
// and not an inventory entry. SPDX JSON: every package's externalRefs entry with referenceType
// "purl" (SPDX 2.2/2.3 §7.21; referenceCategory "PACKAGE-MANAGER", older "PACKAGE_MANAGER").
// A purl without a version takes the component's `version` / `versionInfo`. JSON with
// nlohmann-json, XML with pugixml; lines found by locating each purl string in the text.
#include "vuln/inventory/sbom.h"

#include <map>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "vuln/inventory/lockfile_text.h"
#include "vuln/inventory/purl.h"

namespace sw::vuln {
namespace {

struct Collector {
  std::string_view text;
  const std::string& path;
  PackageList out;
  size_t cursor = 0;
  int without_purl = 0;
  std::map<std::string, int> unsupported;  // purl type -> count

  int locate(std::string_view key, const std::string& value) {
    auto pos = find_json_member(text, cursor, key, value);
    if (pos == std::string_view::npos) pos = find_json_member(text, 0, key, value);
    if (pos == std::string_view::npos) pos = text.find(value, cursor);
    if (pos == std::string_view::npos) return 0;
    cursor = pos + 1;
    return line_at(text, pos);
  }

  void add(const std::string& purl_text, const std::string& fallback_version, int line) {
    auto purl = parse_purl(purl_text);
    if (!purl) {
      out.errors.emplace_back(Errc::kParse, purl.error().message(), path, line);
      return;
    }
    auto osv = purl_to_osv(*purl);
    if (!osv) {
      ++unsupported[purl->type];
      return;
    }
    Package p;
    p.ecosystem = osv->ecosystem;
    p.name = osv->name;
    p.version = osv->version.empty() ? fallback_version : osv->version;
    p.binary = osv->binary;
    p.purl = purl_text;
    p.path = path;
    p.line = line;
    out.packages.push_back(std::move(p));
  }

  void finish() {
    if (without_purl > 0) {
      out.errors.emplace_back(Errc::kUnsupported,
                              fmt::format("{} component(s) without a purl skipped", without_purl),
                              path, 0);
    }
    for (const auto& [type, count] : unsupported) {
      out.errors.emplace_back(
          Errc::kUnsupported,
          fmt::format("{} component(s) with purl type \"{}\" skipped (no OSV ecosystem)", count,
                      type),
          path, 0);
    }
  }
};

std::string string_field(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void cdx_components(const nlohmann::json& list, Collector& c, int depth) {
  if (!list.is_array() || depth > 64) return;
  for (const auto& comp : list) {
    if (!comp.is_object()) continue;
    std::string purl = string_field(comp, "purl");
    if (purl.empty()) {
      ++c.without_purl;
    } else {
      c.add(purl, string_field(comp, "version"), c.locate("purl", purl));
    }
    if (auto nested = comp.find("components"); nested != comp.end()) {
      cdx_components(*nested, c, depth + 1);
    }
  }
}

void spdx_packages(const nlohmann::json& list, Collector& c) {
  if (!list.is_array()) return;
  for (const auto& pkg : list) {
    if (!pkg.is_object()) continue;
    bool found = false;
    if (auto refs = pkg.find("externalRefs"); refs != pkg.end() && refs->is_array()) {
      for (const auto& ref : *refs) {
        if (!ref.is_object() || string_field(ref, "referenceType") != "purl") continue;
        std::string purl = string_field(ref, "referenceLocator");
        if (purl.empty()) continue;
        found = true;
        c.add(purl, string_field(pkg, "versionInfo"), c.locate("referenceLocator", purl));
      }
    }
    if (!found) ++c.without_purl;
  }
}

void cdx_xml_components(const pugi::xml_node& list, Collector& c, int depth) {
  if (depth > 64) return;
  for (auto comp : list.children("component")) {
    std::string purl = comp.child("purl").text().as_string();
    if (purl.empty()) {
      ++c.without_purl;
    } else {
      c.add(purl, comp.child("version").text().as_string(),
            line_at(c.text, static_cast<size_t>(comp.child("purl").offset_debug())));
    }
    cdx_xml_components(comp.child("components"), c, depth + 1);
  }
}

}  // namespace

bool looks_like_sbom(std::string_view text) {
  auto head = text.substr(0, 4096);
  if (head.find("\"bomFormat\"") != std::string_view::npos &&
      head.find("CycloneDX") != std::string_view::npos) {
    return true;
  }
  if (head.find("\"spdxVersion\"") != std::string_view::npos) return true;
  return head.find("http://cyclonedx.org/schema/bom") != std::string_view::npos &&
         head.find("<bom") != std::string_view::npos;
}

PackageList parse_sbom(std::string_view text, const std::string& path) {
  Collector c{text, path, {}, 0, 0, {}};
  size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && text[first] == '<') {
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(text.data(), text.size());
    if (!parsed) {
      c.out.errors.emplace_back(Errc::kParse, fmt::format("invalid XML: {}", parsed.description()),
                                path, line_at(text, static_cast<size_t>(parsed.offset)));
      return std::move(c.out);
    }
    auto bom = doc.child("bom");
    if (!bom) {
      c.out.errors.emplace_back(Errc::kUnsupported, "XML document is not a CycloneDX <bom>", path,
                                1);
      return std::move(c.out);
    }
    cdx_xml_components(bom.child("components"), c, 0);
    c.finish();
    return std::move(c.out);
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    c.out.errors.emplace_back(Errc::kParse, "invalid JSON", path, line_at(text, e.byte));
    return std::move(c.out);
  } catch (const nlohmann::json::exception& e) {  // e.g. a number out of range
    c.out.errors.emplace_back(Errc::kParse, std::string("invalid JSON: ") + e.what(), path, 0);
    return std::move(c.out);
  }
  if (!doc.is_object()) {
    c.out.errors.emplace_back(Errc::kParse, "SBOM is not a JSON object", path, 1);
    return std::move(c.out);
  }
  if (string_field(doc, "bomFormat") == "CycloneDX") {
    if (auto comps = doc.find("components"); comps != doc.end()) cdx_components(*comps, c, 0);
  } else if (doc.contains("spdxVersion")) {
    if (auto pkgs = doc.find("packages"); pkgs != doc.end()) spdx_packages(*pkgs, c);
  } else {
    c.out.errors.emplace_back(
        Errc::kUnsupported, "JSON document is neither CycloneDX (bomFormat) nor SPDX (spdxVersion)",
        path, 1);
    return std::move(c.out);
  }
  c.finish();
  return std::move(c.out);
}

}  // namespace sw::vuln
