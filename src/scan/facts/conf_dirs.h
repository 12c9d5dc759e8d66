// SPDX-License-Identifier: Apache-2.0
// The drop-in directory rule shared by systemd, kmod and procps (systemd.syntax(7), sysctl.d(5),
// modprobe.d(5)): files ending in `suffix` are collected from several directories, most important
// first; a file in an earlier directory masks a same-named file in a later one; a file that is a
// symlink to /dev/null (or /dev/null itself) masks and contributes nothing; the survivors are
// returned in the order of their file names (strcmp), as absolute paths inside the root.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sw {
class Host;
}

namespace sw::scan {

std::vector<std::string> merge_conf_dirs(const Host& host,
                                         std::initializer_list<std::string_view> dirs,
                                         std::string_view suffix);

}  // namespace sw::scan
