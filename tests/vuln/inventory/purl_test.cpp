// SPDX-License-Identifier: Apache-2.0
// purl parsing and purl -> OSV mapping tests (cases from the purl spec's test-suite-data.json
// and PURL-TYPES.rst examples).
#include "vuln/inventory/purl.h"

#include <gtest/gtest.h>

namespace sw::vuln {
namespace {

TEST(Purl, ParsesAllComponentsWithPercentDecoding) {
  auto p = parse_purl("pkg:npm/%40angular/animation@12.3.1?Arch=x86%2064&empty=#sub/./dir/../x/");
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_EQ(p->type, "npm");
  EXPECT_EQ(p->namespace_, "@angular");
  EXPECT_EQ(p->name, "animation");
  EXPECT_EQ(p->version, "12.3.1");
  EXPECT_EQ(p->qualifier("arch"), "x86 64");
  EXPECT_EQ(p->qualifier("empty"), "");
  EXPECT_EQ(p->subpath, "sub/dir/x");
}

TEST(Purl, SpecNormalisations) {
  auto p = parse_purl("PKG:PyPI/Django_Rest@1.0");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, "pypi");
  EXPECT_EQ(p->name, "django-rest");
  auto slashes = parse_purl("pkg://maven//org.apache//commons-io@2.0");
  ASSERT_TRUE(slashes);
  EXPECT_EQ(slashes->namespace_, "org.apache");
  EXPECT_EQ(slashes->name, "commons-io");
  auto scope = parse_purl("pkg:npm/@babel/core");
  ASSERT_TRUE(scope);
  EXPECT_EQ(scope->namespace_, "@babel");
  EXPECT_EQ(scope->version, "");
}

TEST(Purl, MalformedIsAParseError) {
  for (const char* bad : {"", "npm/foo@1", "pkg:", "pkg:npm", "pkg:npm/", "pkg:n$m/foo",
                          "pkg:npm/foo%2@1", "pkg:npm/foo@1%", "pkg:npm/foo?=x"}) {
    auto p = parse_purl(bad);
    EXPECT_FALSE(p) << bad;
    if (!p) {
      EXPECT_EQ(p.error().code(), Errc::kParse) << bad;
    }
  }
}

struct Case {
  const char* purl;
  const char* ecosystem;
  const char* name;
  const char* version;
};

TEST(Purl, MapsToOsvEcosystems) {
  const Case cases[] = {
      {"pkg:npm/%40scope/name@1.0.0", "npm", "@scope/name", "1.0.0"},
      {"pkg:pypi/requests@2.32.0", "PyPI", "requests", "2.32.0"},
      {"pkg:golang/github.com/a/b@v1.2.3", "Go", "github.com/a/b", "1.2.3"},
      {"pkg:cargo/rustls@0.23.13", "crates.io", "rustls", "0.23.13"},
      {"pkg:maven/org.apache.commons/commons-lang3@3.9", "Maven",
       "org.apache.commons:commons-lang3", "3.9"},
      {"pkg:gem/rails@7.0.2.2", "RubyGems", "rails", "7.0.2.2"},
      {"pkg:nuget/Newtonsoft.Json@13.0.1", "NuGet", "Newtonsoft.Json", "13.0.1"},
      {"pkg:composer/symfony/http-kernel@v5.4.0", "Packagist", "symfony/http-kernel", "v5.4.0"},
      {"pkg:hex/jason@1.3.0", "Hex", "jason", "1.3.0"},
      {"pkg:pub/crypto@3.0.2", "Pub", "crypto", "3.0.2"},
      {"pkg:cran/markdown@1.0", "CRAN", "markdown", "1.0"},
      {"pkg:hackage/aeson@2.1.0.0", "Hackage", "aeson", "2.1.0.0"},
      {"pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12", "Debian:12",
       "libssl3", "3.0.11-1~deb12u2"},
      {"pkg:deb/debian/curl@7.88.1-10?distro=bookworm", "Debian:12", "curl", "7.88.1-10"},
      {"pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04", "Ubuntu:22.04:LTS", "bash",
       "5.1-6ubuntu1"},
      {"pkg:deb/ubuntu/bash@5.1?distro=jammy", "Ubuntu:22.04:LTS", "bash", "5.1"},
      {"pkg:rpm/almalinux/openssl@3.0.7-24.el9?distro=almalinux-9.3&epoch=1", "AlmaLinux:9",
       "openssl", "1:3.0.7-24.el9"},
      {"pkg:rpm/rocky/bash@5.1.8-6.el9?distro=rocky-9", "Rocky Linux:9", "bash", "5.1.8-6.el9"},
      {"pkg:rpm/redhat/bash@5.1.8-6.el9?distro=rhel-9.3", "Red Hat", "bash", "5.1.8-6.el9"},
      {"pkg:rpm/opensuse/bash@5.2?distro=opensuse-leap-15.5", "openSUSE:Leap 15.5", "bash", "5.2"},
      {"pkg:rpm/suse/bash@4.4?distro=sles-15.5", "SUSE:Linux Enterprise Server 15 SP5", "bash",
       "4.4"},
      {"pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=3.19.1", "Alpine:v3.19", "busybox",
       "1.36.1-r15"},
  };
  for (const auto& c : cases) {
    auto p = parse_purl(c.purl);
    ASSERT_TRUE(p) << c.purl;
    auto osv = purl_to_osv(*p);
    ASSERT_TRUE(osv) << c.purl << ": " << osv.error().to_string();
    EXPECT_EQ(osv->ecosystem, c.ecosystem) << c.purl;
    EXPECT_EQ(osv->name, c.name) << c.purl;
    EXPECT_EQ(osv->version, c.version) << c.purl;
  }
}

TEST(Purl, SourcePackageFromUpstreamQualifier) {
  auto deb = purl_to_osv(
      *parse_purl("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12&upstream=openssl"));
  ASSERT_TRUE(deb);
  EXPECT_EQ(deb->name, "openssl");
  EXPECT_EQ(deb->binary, "libssl3");
  EXPECT_EQ(deb->version, "3.0.11-1~deb12u2");
  auto with_version = purl_to_osv(*parse_purl(
      "pkg:deb/debian/libpcre3@2:8.39-15?distro=debian-12&upstream=pcre3%402:8.39-15b1"));
  ASSERT_TRUE(with_version);
  EXPECT_EQ(with_version->name, "pcre3");
  EXPECT_EQ(with_version->version, "2:8.39-15b1");
  auto apk = purl_to_osv(
      *parse_purl("pkg:apk/alpine/libcrypto3@3.1.4-r5?distro=alpine-3.19.1&upstream=openssl"));
  ASSERT_TRUE(apk);
  EXPECT_EQ(apk->ecosystem, "Alpine:v3.19");
  EXPECT_EQ(apk->name, "openssl");
  EXPECT_EQ(apk->binary, "libcrypto3");
}

TEST(Purl, UnknownTypesAreReportedNotGuessed) {
  for (const char* purl :
       {"pkg:generic/openssl@1.1.1", "pkg:docker/library/nginx@1.25", "pkg:deb/mint/x@1",
        "pkg:rpm/fedora/x@1", "pkg:apk/wolfi/x@1", "pkg:maven/noGroup@1"}) {
    auto osv = purl_to_osv(*parse_purl(purl));
    ASSERT_FALSE(osv) << purl;
    EXPECT_EQ(osv.error().code(), Errc::kUnsupported) << purl;
  }
}

}  // namespace
}  // namespace sw::vuln
