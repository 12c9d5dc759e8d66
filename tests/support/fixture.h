// SPDX-License-Identifier: Apache-2.0
// Test fixtures: a temporary root directory a test fills with the files a check reads, and a way to
// run one registered check against it.
//
//   sw::test::FixtureRoot root;
//   root.write("/etc/ssh/sshd_config", "PermitRootLogin yes\n");
//   auto r = root.run_check("host.ssh.permit_root_login");
//   EXPECT_EQ(r.status, sw::CheckStatus::kFail);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

#include "core/host.h"
#include "core/report.h"
#include "scan/check.h"
#include "scan/context.h"

namespace sw::test {

struct CheckRun {
  CheckStatus status = CheckStatus::kError;
  bool verdict = false;  // false when the check gave no verdict at all
  std::string detail;
  std::vector<scan::Issue> issues;
  std::vector<std::string> input_errors;
};

class FixtureRoot {
 public:
  FixtureRoot();   // creates a fresh temporary directory
  ~FixtureRoot();  // removes it
  FixtureRoot(const FixtureRoot&) = delete;
  FixtureRoot& operator=(const FixtureRoot&) = delete;

  const std::string& path() const { return dir_; }
  // Writes a file (parents created) with the given permission bits. `inside` is absolute inside
  // the root. Ownership is the test process's unless chown() is called.
  void write(std::string_view inside, std::string_view content, mode_t mode = 0644);
  void mkdir(std::string_view inside, mode_t mode = 0755);
  void symlink(std::string_view target, std::string_view inside);
  void chmod(std::string_view inside, mode_t mode);
  void chown(std::string_view inside, uid_t uid, gid_t gid);  // needs root; tests skip otherwise
  std::string real(std::string_view inside) const;

  // The Host over this root. live=true makes /proc and /sys under the root count as a running
  // kernel, to test live-state checks.
  Host host(bool live = false) const { return Host(dir_, live); }

  // Runs one registered check by id with a fresh ScanContext over this root.
  CheckRun run_check(std::string_view id, bool live = false, scan::ScanOptions options = {}) const;

 private:
  std::string dir_;
};

// True when the tests run as root (some fixtures need chown).
bool running_as_root();

// One /var/lib/dpkg/status stanza for a package in `status` ("install ok installed").
std::string dpkg_stanza(const std::string& name,
                        const std::string& status = "install ok installed");

}  // namespace sw::test
