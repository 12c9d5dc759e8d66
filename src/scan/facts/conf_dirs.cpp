// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/conf_dirs.h"

#include <map>

#include "core/host.h"

namespace sw::scan {

std::vector<std::string> merge_conf_dirs(const Host& host,
                                         std::initializer_list<std::string_view> dirs,
                                         std::string_view suffix) {
  std::map<std::string, std::string> by_name;  // file name -> path; empty path: masked
  for (auto dir : dirs) {
    auto entries = host.list_dir(dir);
    if (!entries) continue;
    std::string base(dir);
    if (base.empty() || base.back() != '/') base += '/';
    for (const auto& e : *entries) {
      if (!std::string_view(e.name).ends_with(suffix) || by_name.count(e.name)) continue;
      std::string full = base + e.name;
      if (auto target = host.read_link(full); target && *target == "/dev/null") {
        by_name.emplace(e.name, std::string());
        continue;
      }
      auto st = host.stat(full);
      if (!st) continue;
      if (st->type == FileType::kCharDevice) {
        by_name.emplace(e.name, std::string());  // /dev/null bind-mounted or copied in
      } else if (st->type == FileType::kRegular) {
        by_name.emplace(e.name, std::move(full));
      }
    }
  }
  std::vector<std::string> out;
  for (auto& [name, path] : by_name) {
    if (!path.empty()) out.push_back(std::move(path));
  }
  return out;
}

}  // namespace sw::scan
