// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/kernel_cmdline.h"

#include <cctype>
#include <map>
#include <vector>

namespace sw::scan {

// The kernel command line GRUB will boot with: GRUB_CMDLINE_LINUX and GRUB_CMDLINE_LINUX_DEFAULT
// from /etc/default/grub and then /etc/default/grub.d/*.cfg (sourced in that order by
// grub-mkconfig; the last assignment wins; "$GRUB_CMDLINE_LINUX" expands to the earlier value).
std::string grub_cmdline(const Host& host) {
  std::map<std::string, std::string> vars;
  std::vector<std::string> files = {"/etc/default/grub"};
  for (auto& f : host.list_files("/etc/default/grub.d", ".cfg")) files.push_back(f);
  for (const auto& f : files) {
    auto text = host.read_file(f, 1 << 20);
    if (!text) continue;
    for (auto line : split_lines(*text)) {
      auto t = trim(line);
      if (t.starts_with("export ")) t = trim(t.substr(7));
      for (std::string_view name : {"GRUB_CMDLINE_LINUX_DEFAULT", "GRUB_CMDLINE_LINUX"}) {
        if (!t.starts_with(name) || t.size() <= name.size() || t[name.size()] != '=') continue;
        std::string v(t.substr(name.size() + 1));
        std::string plain;
        for (char c : v) {
          if (c != '"' && c != '\'') plain += c;
        }
        for (std::string_view ref : {"${" + std::string(name) + "}", "$" + std::string(name)}) {
          size_t at = plain.find(ref);
          if (at != std::string::npos) plain.replace(at, ref.size(), vars[std::string(name)]);
        }
        vars[std::string(name)] = plain;
        break;
      }
    }
  }
  return vars["GRUB_CMDLINE_LINUX"] + " " + vars["GRUB_CMDLINE_LINUX_DEFAULT"];
}

bool has_token(std::string_view cmdline, std::string_view token) {
  size_t i = 0;
  while (i < cmdline.size()) {
    while (i < cmdline.size() && std::isspace(static_cast<unsigned char>(cmdline[i]))) ++i;
    size_t j = i;
    while (j < cmdline.size() && !std::isspace(static_cast<unsigned char>(cmdline[j]))) ++j;
    if (cmdline.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

std::string boot_cmdline(const Host& host) {
  if (host.live()) {
    if (auto text = host.read_file("/proc/cmdline", 1 << 16)) return std::string(trim(*text));
  }
  return grub_cmdline(host);
}

}  // namespace sw::scan
