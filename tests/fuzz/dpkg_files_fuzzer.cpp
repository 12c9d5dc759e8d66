// SPDX-License-Identifier: Apache-2.0
// Fuzzes the dpkg file-database parsers (package .list files, diversions, statoverride) and the
// mountinfo reader used by the filesystem walk: no crash, no hang, on any bytes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>

#include "scan/facts/file_index.h"
#include "scan/facts/package_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::PackageFiles files;
  files.merged_dirs = {"/bin", "/sbin", "/lib"};
  std::vector<int> bad;
  sw::scan::parse_dpkg_list(text, "fuzz", files, &bad);
  (void)sw::scan::apply_diversions(text, files);
  std::map<std::string, sw::scan::StatOverride> overrides;
  (void)sw::scan::parse_statoverride(text, overrides);
  (void)sw::scan::pseudo_mounts_from_mountinfo(text, "/");
  (void)sw::scan::pseudo_mounts_from_mountinfo(text, "/srv/root");
  return 0;
}
