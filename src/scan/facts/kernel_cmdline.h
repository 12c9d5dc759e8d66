// SPDX-License-Identifier: Apache-2.0
// The kernel command line: what GRUB will boot with (from /etc/default/grub and grub.d/*.cfg, as
// grub-mkconfig sources them) and, on a live system, what the running kernel booted with.
#pragma once

#include <string>
#include <string_view>

#include "core/host.h"

namespace sw::scan {

// GRUB_CMDLINE_LINUX + " " + GRUB_CMDLINE_LINUX_DEFAULT: /etc/default/grub then
// /etc/default/grub.d/*.cfg, the last assignment winning, "$GRUB_CMDLINE_LINUX" expanded.
std::string grub_cmdline(const Host& host);
// /proc/cmdline when live, else grub_cmdline().
std::string boot_cmdline(const Host& host);
// Whether the whitespace-separated `cmdline` holds `token` exactly ("ipv6.disable=1").
bool has_token(std::string_view cmdline, std::string_view token);

}  // namespace sw::scan
