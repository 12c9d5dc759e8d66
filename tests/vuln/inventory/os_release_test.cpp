// SPDX-License-Identifier: Apache-2.0
// os-release(5) parsing and the distribution -> OSV ecosystem mapping.
#include "vuln/inventory/os_release.h"

#include <gtest/gtest.h>

#include "core/host.h"
#include "support/fixture.h"

namespace sw::vuln {
namespace {

OsRelease parse_ok(std::string_view text) {
  auto r = parse_os_release(text, "/etc/os-release");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().to_string();
  return r.release;
}

std::string eco(std::string_view text, std::string* note = nullptr) {
  return osv_ecosystem_for(parse_ok(text), note);
}

constexpr std::string_view kDebian12 =
    "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
    "NAME=\"Debian GNU/Linux\"\n"
    "VERSION_ID=\"12\"\n"
    "VERSION=\"12 (bookworm)\"\n"
    "VERSION_CODENAME=bookworm\n"
    "ID=debian\n"
    "HOME_URL=\"https://www.debian.org/\"\n";

constexpr std::string_view kUbuntu2204 =
    "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\n"
    "NAME=\"Ubuntu\"\n"
    "VERSION_ID=\"22.04\"\n"
    "VERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\n"
    "VERSION_CODENAME=jammy\n"
    "ID=ubuntu\n"
    "ID_LIKE=debian\n"
    "UBUNTU_CODENAME=jammy\n";

constexpr std::string_view kAlpine =
    "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME=\"Alpine Linux v3.19\"\n";

constexpr std::string_view kAlma94 =
    "NAME=\"AlmaLinux\"\n"
    "VERSION=\"9.4 (Seafoam Ocelot)\"\n"
    "ID=\"almalinux\"\n"
    "ID_LIKE=\"rhel centos fedora\"\n"
    "VERSION_ID=\"9.4\"\n"
    "PLATFORM_ID=\"platform:el9\"\n"
    "PRETTY_NAME=\"AlmaLinux 9.4 (Seafoam Ocelot)\"\n"
    "CPE_NAME=\"cpe:/o:almalinux:almalinux:9::baseos\"\n";

TEST(OsRelease, ParsesTheFields) {
  auto r = parse_ok(kUbuntu2204);
  EXPECT_EQ(r.id, "ubuntu");
  EXPECT_EQ(r.id_like, "debian");
  EXPECT_EQ(r.name, "Ubuntu");
  EXPECT_EQ(r.version, "22.04.4 LTS (Jammy Jellyfish)");
  EXPECT_EQ(r.version_id, "22.04");
  EXPECT_EQ(r.version_codename, "jammy");
  EXPECT_EQ(r.pretty_name, "Ubuntu 22.04.4 LTS");
  EXPECT_EQ(r.path, "/etc/os-release");
}

TEST(OsRelease, ShellQuotingAndEscapes) {
  auto r = parse_ok(
      "# a comment\n"
      "\n"
      "NAME='Single \"quoted\" $HOME'\n"
      "PRETTY_NAME=\"a \\\"b\\\" \\$c \\`d\\` \\\\e \\n\"\n"
      "VERSION=unquoted\\ with\\ escapes\n"
      "VERSION_ID=\"9\".'4'x   \n"
      "ID=Debian  # trailing comment\n"
      "VERSION_CODENAME=\n");
  EXPECT_EQ(r.name, "Single \"quoted\" $HOME");
  // In double quotes only $ ` " and backslash are escapable; "\n" stays as written.
  EXPECT_EQ(r.pretty_name, "a \"b\" $c `d` \\e \\n");
  EXPECT_EQ(r.version, "unquoted with escapes");
  EXPECT_EQ(r.version_id, "9.4x");
  EXPECT_EQ(r.id, "debian");  // ID is lower case by definition
  EXPECT_EQ(r.version_codename, "");
}

TEST(OsRelease, BadLinesAreReportedAndSkipped) {
  auto r = parse_os_release(
      "ID=debian\n"
      "this is not an assignment\n"
      "VERSION_ID=\"12\n"
      "9KEY=x\n"
      "NAME=two words\n"
      "PRETTY_NAME='unterminated\n"
      "VERSION_CODENAME=bookworm\n",
      "/usr/lib/os-release");
  ASSERT_EQ(r.errors.size(), 5u);
  EXPECT_EQ(r.errors[0].line(), 2);
  EXPECT_EQ(r.errors[0].file(), "/usr/lib/os-release");
  EXPECT_EQ(r.errors[1].line(), 3);
  EXPECT_EQ(r.errors[1].message(), "unterminated double quote");
  EXPECT_EQ(r.errors[2].line(), 4);
  EXPECT_EQ(r.errors[3].line(), 5);
  EXPECT_EQ(r.errors[4].line(), 6);
  EXPECT_EQ(r.release.id, "debian");
  EXPECT_EQ(r.release.version_id, "");
  EXPECT_EQ(r.release.version_codename, "bookworm");
}

TEST(OsRelease, ReadsEtcFirstThenUsrLib) {
  test::FixtureRoot root;
  root.write("/usr/lib/os-release", kAlpine);
  Host host = root.host();
  auto r = read_os_release(host);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "alpine");
  EXPECT_EQ(r->path, "/usr/lib/os-release");

  root.write("/etc/os-release", kDebian12);
  r = read_os_release(host);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "debian");
  EXPECT_EQ(r->path, "/etc/os-release");
}

TEST(OsRelease, MissingIsNotFound) {
  test::FixtureRoot root;
  auto r = read_os_release(root.host());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kNotFound);
}

TEST(OsvEcosystem, Debian) {
  EXPECT_EQ(eco(kDebian12), "Debian:12");
  EXPECT_EQ(eco("ID=debian\nVERSION_ID=\"8\"\nVERSION=\"8 (jessie)\"\n"), "Debian:8");
  std::string note;
  // Testing / unstable have no VERSION_ID.
  EXPECT_EQ(eco("ID=debian\nVERSION_CODENAME=trixie\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n",
                &note),
            "Debian:13");
  EXPECT_NE(note.find("testing/unstable"), std::string::npos);
  EXPECT_EQ(eco("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux forky/sid\"\n"), "Debian:14");
  EXPECT_EQ(eco("ID=debian\nVERSION_CODENAME=sid\n"), "Debian:sid");
  EXPECT_EQ(eco("ID=debian\nVERSION_CODENAME=unknownname\n", &note), "");
  EXPECT_NE(note.find("unknownname"), std::string::npos);
}

TEST(OsvEcosystem, UbuntuLtsSuffix) {
  EXPECT_EQ(eco(kUbuntu2204), "Ubuntu:22.04:LTS");
  EXPECT_EQ(eco("ID=ubuntu\nVERSION_ID=\"23.10\"\nVERSION=\"23.10 (Mantic Minotaur)\"\n"),
            "Ubuntu:23.10");
  // Without VERSION: LTS releases are the even-year April ones.
  EXPECT_EQ(eco("ID=ubuntu\nVERSION_ID=24.04\n"), "Ubuntu:24.04:LTS");
  EXPECT_EQ(eco("ID=ubuntu\nVERSION_ID=23.04\n"), "Ubuntu:23.04");
  EXPECT_EQ(eco("ID=ubuntu\nVERSION_ID=jammy\n"), "");
}

TEST(OsvEcosystem, Alpine) {
  EXPECT_EQ(eco(kAlpine), "Alpine:v3.19");
  EXPECT_EQ(eco("ID=alpine\nVERSION_ID=3.12.0\n"), "Alpine:v3.12");
  std::string note;
  EXPECT_EQ(eco("ID=alpine\nVERSION_ID=3.20.0_alpha20240329\n", &note), "Alpine:v3.20");
  EXPECT_NE(note.find("edge"), std::string::npos);
  EXPECT_EQ(eco("ID=alpine\nVERSION_ID=edge\n", &note), "");
  EXPECT_FALSE(note.empty());
}

TEST(OsvEcosystem, RpmDistributions) {
  EXPECT_EQ(eco(kAlma94), "AlmaLinux:9");
  EXPECT_EQ(eco("ID=\"rocky\"\nVERSION_ID=\"8.10\"\n"), "Rocky Linux:8");
  EXPECT_EQ(eco("ID=\"rhel\"\nVERSION_ID=\"9.4\"\nCPE_NAME=\"cpe:/"
                "o:redhat:enterprise_linux:9::baseos\"\n"),
            "Red Hat:enterprise_linux:9::baseos");
  EXPECT_EQ(eco("ID=\"rhel\"\nVERSION_ID=\"9.4\"\n"), "");
  EXPECT_EQ(eco("ID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\nPRETTY_NAME=\"openSUSE Leap 15.5\"\n"),
            "openSUSE:Leap 15.5");
  EXPECT_EQ(eco("ID=\"opensuse-tumbleweed\"\nPRETTY_NAME=\"openSUSE Tumbleweed\"\n"),
            "openSUSE:Tumbleweed");
  EXPECT_EQ(eco("ID=\"sles\"\nVERSION_ID=\"12.5\"\n"
                "PRETTY_NAME=\"SUSE Linux Enterprise Server 12 SP5\"\n"),
            "SUSE:Linux Enterprise Server 12 SP5");
  EXPECT_EQ(eco("ID=mageia\nVERSION_ID=9\n"), "Mageia:9");
  EXPECT_EQ(eco("ID=\"openEuler\"\nVERSION=\"22.03 (LTS-SP3)\"\nVERSION_ID=\"22.03\"\n"),
            "openEuler:22.03-LTS-SP3");
  EXPECT_EQ(eco("ID=photon\nVERSION_ID=5.0\n"), "Photon OS:5.0");
}

TEST(OsvEcosystem, ApkDistributionsWithoutRelease) {
  EXPECT_EQ(eco("ID=wolfi\nVERSION_ID=20230201\n"), "Wolfi");
  EXPECT_EQ(eco("ID=chainguard\n"), "Chainguard");
}

TEST(OsvEcosystem, UnknownDistributionIsEmptyWithAReason) {
  std::string note;
  EXPECT_EQ(eco("ID=arch\nNAME=\"Arch Linux\"\n", &note), "");
  EXPECT_NE(note.find("ID=arch"), std::string::npos);
  EXPECT_EQ(eco("ID=centos\nID_LIKE=\"rhel fedora\"\nVERSION_ID=8\n", &note), "");
  EXPECT_NE(note.find("ID_LIKE=rhel fedora"), std::string::npos);
  EXPECT_EQ(eco("NAME=Linux\n", &note), "");
  EXPECT_EQ(note, "os-release has no ID");
}

}  // namespace
}  // namespace sw::vuln
