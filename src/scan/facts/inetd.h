// SPDX-License-Identifier: Apache-2.0
// Inetd: the services a super-server (inetd, xinetd) starts on demand.
//  - /etc/inetd.conf (inetd.conf(5), openbsd-inetd and inetutils-inetd): one service per line,
//    "service socket-type protocol wait/nowait[.max] user[.group] server-program [args]", blank
//    fields separated by blanks; '#' starts a comment, so a line disabled by update-inetd
//    ("#<off># telnet ...") or by hand is not a service. A "host:" prefix on the service name
//    (inetutils) binds it to one address.
//  - /etc/xinetd.conf and the files of its "includedir" (Debian: /etc/xinetd.d; xinetd skips file
//    names containing '.' or ending in '~') (xinetd.conf(5)): "service NAME { attr = value ... }"
//    blocks; a service runs unless "disable = yes", or its name is in "disabled = ..." of the
//    "defaults" block, or "enabled = ..." of defaults exists and does not list it.
// Malformed lines are reported (file and line) and skipped.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;
class Outcome;

struct InetdService {
  std::string name;      // "telnet", "tftp", "shell"
  std::string protocol;  // "tcp", "udp", "tcp6" (inetd.conf) or xinetd's "protocol" (may be "")
  std::string server;    // "/usr/sbin/tcpd", "/usr/sbin/in.telnetd"
  std::string args;      // the rest of the inetd.conf line: "/usr/sbin/in.telnetd"
  std::string path;      // file it is enabled in
  int line = 0;

  // Whether the service name, the server program or its arguments mention `word`
  // ("telnet" matches "telnet", "/usr/sbin/in.telnetd", "tcpd in.telnetd").
  bool mentions(std::string_view word) const;
};

// Enabled services of an inetd.conf text.
std::vector<InetdService> parse_inetd_conf(std::string_view text, const std::string& path,
                                           std::vector<Error>& errors);

// One xinetd file: its service blocks (disabled ones included, `disabled` set), the "includedir"
// directives, and the defaults block's disabled/enabled lists.
struct XinetdFile {
  struct Service {
    InetdService service;
    bool disabled = false;  // disable = yes
  };
  std::vector<Service> services;
  std::vector<std::string> includedirs;
  std::vector<std::string> defaults_disabled;
  std::vector<std::string> defaults_enabled;
  bool has_defaults_enabled = false;
};
XinetdFile parse_xinetd(std::string_view text, const std::string& path, std::vector<Error>& errors);

struct Inetd {
  bool inetd_conf_present = false;
  bool xinetd_conf_present = false;
  std::vector<InetdService> services;  // enabled in inetd.conf or xinetd, in file order

  std::vector<const InetdService*> mentioning(std::initializer_list<std::string_view> words) const;

  static Result<Inetd> load(ScanContext& ctx);
};

// For the "this server should not be here" checks: fails once per present package among
// `packages` (dpkg) and once per enabled inetd/xinetd service mentioning one of `inetd_words`;
// passes when there is none; not applicable when the package list is unavailable and no inetd
// service matched; error when a source could not be read. `what` names the thing for evidence
// ("a telnet server").
void check_server_absent(ScanContext& ctx, Outcome& out,
                         std::initializer_list<std::string_view> packages,
                         std::initializer_list<std::string_view> inetd_words,
                         std::string_view what);

}  // namespace sw::scan
