// SPDX-License-Identifier: Apache-2.0
#include "vuln/inventory/dpkg_status.h"

#include <cctype>

#include "core/host.h"

namespace sw::vuln {

std::string_view DpkgPackage::state() const {
  auto pos = status.rfind(' ');
  return pos == std::string::npos ? std::string_view(status)
                                  : std::string_view(status).substr(pos + 1);
}

bool DpkgPackage::installed() const {
  auto s = state();
  return s == "installed" || s == "triggers-pending" || s == "triggers-awaited";
}

bool DpkgPackage::files_present() const {
  auto s = state();
  return installed() || s == "unpacked" || s == "half-configured";
}

bool DpkgPackage::config_files_only() const { return status.ends_with(" config-files"); }

const DpkgPackage* DpkgDatabase::installed(std::string_view name) const {
  for (const auto& p : packages) {
    if (p.name == name && p.installed()) return &p;
  }
  return nullptr;
}

DpkgDatabase parse_dpkg_status(std::string_view text, const std::string& path) {
  return parse_dpkg_status(text, path, DpkgParseOptions{});
}

DpkgDatabase parse_dpkg_status(std::string_view text, const std::string& path,
                               const DpkgParseOptions& options) {
  DpkgDatabase db;
  DpkgPackage cur;
  bool in_stanza = false;
  bool bad = false;
  int n = 0;
  auto flush = [&] {
    if (in_stanza && !bad) {
      if (options.missing_status_is_installed && cur.status.empty()) {
        cur.status = "install ok installed";
      }
      if (cur.name.empty() || cur.status.empty()) {
        db.errors.emplace_back(Errc::kParse, "stanza without Package or Status field", path,
                               cur.line);
      } else {
        if (cur.source.empty()) cur.source = cur.name;
        if (cur.source_version.empty()) cur.source_version = cur.version;
        db.packages.push_back(std::move(cur));
      }
    }
    cur = DpkgPackage{};
    in_stanza = false;
    bad = false;
  };
  for (auto line : split_lines(text)) {
    ++n;
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (!in_stanza) {
      in_stanza = true;
      cur.line = n;
    }
    if (line.front() == ' ' || line.front() == '\t') continue;  // continuation of a long field
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      db.errors.emplace_back(Errc::kParse, "line is not 'Field: value'", path, n);
      bad = true;
      continue;
    }
    std::string field(line.substr(0, colon));
    for (auto& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value(trim(line.substr(colon + 1)));
    if (field == "package") {
      cur.name = value;
    } else if (field == "version") {
      cur.version = value;
    } else if (field == "architecture") {
      cur.architecture = value;
    } else if (field == "status") {
      cur.status = value;
    } else if (field == "source") {
      auto paren = value.find(" (");
      if (paren != std::string::npos && value.back() == ')') {
        cur.source = value.substr(0, paren);
        cur.source_version = value.substr(paren + 2, value.size() - paren - 3);
      } else {
        cur.source = value;
      }
    }
  }
  flush();
  return db;
}

}  // namespace sw::vuln
