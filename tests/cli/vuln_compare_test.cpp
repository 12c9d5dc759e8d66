// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `shieldwall vuln compare`: the built binary ordering versions, one pair on
// the command line or many on stdin.
#include <string>

#include <gtest/gtest.h>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

// Runs `shieldwall vuln compare --stdin` with `input` on stdin (through a file and /bin/sh).
Run compare_stdin(const std::string& input) {
  FixtureRoot tmp;
  tmp.write("/in.txt", input);
  return run_program({"/bin/sh", "-c", "exec \"$0\" vuln compare --stdin < \"$1\"", SW_BINARY,
                      tmp.real("/in.txt")});
}

TEST(VulnCompareE2E, OnePairPrintsTheOrder) {
  auto lt = run_shieldwall({"vuln", "compare", "Debian", "1.0~rc1-1", "1.0-1"});
  EXPECT_EQ(lt.exit_code, 0) << lt.err;
  EXPECT_EQ(lt.out, "<\n");
  auto eq = run_shieldwall({"vuln", "compare", "Debian:12", "0:1.0", "1.0"});
  EXPECT_EQ(eq.out, "=\n");
  auto gt =
      run_shieldwall({"vuln", "compare", "Red Hat:rhel_aus:8.4::appstream", "1:1.0-1", "2.0"});
  EXPECT_EQ(gt.out, ">\n");
  EXPECT_EQ(run_shieldwall({"vuln", "compare", "Alpine:v3.19", "1.2_rc1", "1.2"}).out, "<\n");
  EXPECT_EQ(run_shieldwall({"vuln", "compare", "Maven", "1.0-SNAPSHOT", "1.0"}).out, "<\n");
  EXPECT_EQ(run_shieldwall({"vuln", "compare", "CRAN", "1.0", "1.0.0"}).out, "<\n");
  EXPECT_EQ(run_shieldwall({"vuln", "compare", "Hackage", "1.10", "1.9"}).out, ">\n");
}

TEST(VulnCompareE2E, UnknownEcosystemAndRejectedVersionExitTwo) {
  auto unknown = run_shieldwall({"vuln", "compare", "NoSuchEcosystem", "1", "2"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_NE(unknown.err.find("unknown ecosystem 'NoSuchEcosystem'"), std::string::npos)
      << unknown.err;
  EXPECT_EQ(unknown.err.find('\n'), unknown.err.size() - 1);  // one line

  auto rejected = run_shieldwall({"vuln", "compare", "Debian", "1.0-", "1.0"});
  EXPECT_EQ(rejected.exit_code, 2);
  EXPECT_EQ(rejected.out, "");
  EXPECT_NE(rejected.err.find("'1.0-'"), std::string::npos) << rejected.err;
  EXPECT_NE(rejected.err.find("revision number is empty"), std::string::npos) << rejected.err;

  auto missing = run_shieldwall({"vuln", "compare", "Debian", "1.0"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(VulnCompareE2E, StdinAnswersEveryLineInOrder) {
  auto ok = compare_stdin(
      "Debian\t1.0\t1.1\n"
      "Ubuntu:22.04:LTS\t2:1\t1:9\n"
      "Rocky Linux:9\t1.0^git1\t1.0\n"
      "Maven\t1\t1.0.0\n");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, "<\n>\n>\n=\n");
  EXPECT_EQ(ok.err, "");
}

TEST(VulnCompareE2E, StdinBadLinesGetAQuestionMarkAndExitTwo) {
  auto r = compare_stdin(
      "Debian\t1.0\t1.1\n"
      "Debian\t1.0-\t1.1\n"
      "Nope\t1\t2\n"
      "just one field\n"
      "Alpine\t1.0\t1.0-r1\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "<\n?\n?\n?\n<\n");
  EXPECT_NE(r.err.find("line 2: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 3: unknown ecosystem 'Nope'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 4: "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("line 1:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("line 5:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sw::test
