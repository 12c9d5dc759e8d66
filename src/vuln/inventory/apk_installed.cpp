// SPDX-License-Identifier: Apache-2.0
// Alpine apk installed-database parser (see apk_installed.h; format of apk-tools'
// src/database.c).
#include "vuln/inventory/apk_installed.h"

#include "core/host.h"

namespace sw::vuln {

ApkDatabase parse_apk_installed(std::string_view text, const std::string& path) {
  ApkDatabase db;
  ApkPackage cur;
  bool in_record = false;
  bool bad = false;
  int n = 0;
  auto flush = [&] {
    if (in_record && !bad) {
      if (cur.name.empty() || cur.version.empty()) {
        db.errors.emplace_back(Errc::kParse, "record without P: (name) or V: (version)", path,
                               cur.line);
      } else {
        if (cur.origin.empty()) cur.origin = cur.name;
        db.packages.push_back(std::move(cur));
      }
    }
    cur = ApkPackage{};
    in_record = false;
    bad = false;
  };
  for (auto line : split_lines(text)) {
    ++n;
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (!in_record) {
      in_record = true;
      cur.line = n;
    }
    if (line.size() < 2 || line[1] != ':') {
      if (!bad) db.errors.emplace_back(Errc::kParse, "line is not 'X:value'", path, n);
      bad = true;
      continue;
    }
    auto value = std::string(trim(line.substr(2)));
    switch (line[0]) {
      case 'P':
        cur.name = std::move(value);
        break;
      case 'V':
        cur.version = std::move(value);
        break;
      case 'A':
        cur.arch = std::move(value);
        break;
      case 'o':
        cur.origin = std::move(value);
        break;
      default:
        break;
    }
  }
  flush();
  return db;
}

}  // namespace sw::vuln
