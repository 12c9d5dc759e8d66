// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the sshd_config parser. Include patterns resolve to one fixed small file
// (itself including something) so the include, Match and depth-limit paths are exercised too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scan/facts/sshd_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::SshdIncludeResolver resolver = [](std::string_view pattern) {
    std::vector<sw::scan::SshdIncludedFile> files;
    if (pattern.size() % 2 == 0) {
      files.push_back({std::string(pattern),
                       std::string("Match User x\nInclude a\nLogLevel INFO\n"), std::nullopt});
    }
    return files;
  };
  auto cfg = sw::scan::parse_sshd_config(text, "/etc/ssh/sshd_config", resolver);
  for (const char* name : {"ciphers", "macs", "kexalgorithms", "permitrootlogin"}) {
    (void)cfg.algorithms(name);
    for (const auto& site : cfg.sites(name)) (void)site.evidence();
  }
  (void)sw::scan::sshd_parse_time(text);
  return 0;
}
