// SPDX-License-Identifier: Apache-2.0
// CycloneDX / SPDX SBOM parser tests.
#include "vuln/inventory/sbom.h"

#include <gtest/gtest.h>

#include "lock_test_util.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(Sbom, CycloneDxJsonNestedComponents) {
  const char* text = R"({
  "bomFormat": "CycloneDX",
  "specVersion": "1.4",
  "metadata": {"component": {"name": "subject", "purl": "pkg:npm/subject@9"}},
  "components": [
    {"name": "openssl", "version": "1.1.1", "purl": "pkg:generic/openssl@1.1.1"},
    {"name": "Nginx", "version": "1.21.1",
     "components": [
       {"name": "rustls", "version": "0.23.13",
        "purl": "pkg:cargo/rustls@0.23.13"},
       {"name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad"},
       {"name": "bad", "purl": "pkg:npm/x%zz@1"}
     ]}
  ]
})";
  ASSERT_TRUE(looks_like_sbom(text));
  auto list = parse_sbom(text, "bom.json");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"rustls@0.23.13", "left-pad@1.3.0"}));
  ASSERT_EQ(list.packages.size(), 2u);
  EXPECT_EQ(list.packages[0].ecosystem, "crates.io");
  EXPECT_EQ(list.packages[0].purl, "pkg:cargo/rustls@0.23.13");
  EXPECT_EQ(list.packages[0].line, 10);
  EXPECT_EQ(list.packages[1].line, 11);
  // One malformed purl (kParse, with its line), one note for the purl-less component, one for
  // the generic purl.
  ASSERT_EQ(list.errors.size(), 3u);
  EXPECT_EQ(list.errors[0].code(), Errc::kParse);
  EXPECT_EQ(list.errors[0].line(), 12);
  EXPECT_EQ(list.errors[1].code(), Errc::kUnsupported);
  EXPECT_NE(list.errors[1].message().find("1 component(s) without a purl"), std::string::npos);
  EXPECT_NE(list.errors[2].message().find("\"generic\""), std::string::npos);
}

TEST(Sbom, SpdxJsonPurlExternalRefs) {
  const char* text = R"({
  "spdxVersion": "SPDX-2.3",
  "packages": [
    {"name": "nginx", "externalRefs": [
      {"referenceCategory": "SECURITY", "referenceType": "cpe23Type",
       "referenceLocator": "cpe:2.3:a:nginx:nginx:1.21.1"}]},
    {"name": "libssl3", "versionInfo": "3.0.11-1~deb12u2", "externalRefs": [
      {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
       "referenceLocator": "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12&upstream=openssl"}]}
  ]
})";
  ASSERT_TRUE(looks_like_sbom(text));
  auto list = parse_sbom(text, "sbom.spdx.json");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"openssl@3.0.11-1~deb12u2"}));
  ASSERT_EQ(list.packages.size(), 1u);
  EXPECT_EQ(list.packages[0].ecosystem, "Debian:12");
  EXPECT_EQ(list.packages[0].binary, "libssl3");
  EXPECT_EQ(list.packages[0].line, 9);
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].code(), Errc::kUnsupported);
}

TEST(Sbom, CycloneDxXml) {
  const char* text =
      "<?xml version=\"1.0\"?>\n"
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\">\n"
      "  <components>\n"
      "    <component type=\"library\">\n"
      "      <name>musl</name><version>1.2.4-r2</version>\n"
      "      <purl>pkg:apk/alpine/musl@1.2.4-r2?distro=3.18.4</purl>\n"
      "    </component>\n"
      "  </components>\n"
      "</bom>\n";
  ASSERT_TRUE(looks_like_sbom(text));
  auto list = parse_sbom(text, "bom.xml");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"musl@1.2.4-r2"}));
  ASSERT_EQ(list.packages.size(), 1u);
  EXPECT_EQ(list.packages[0].ecosystem, "Alpine:v3.18");
  EXPECT_EQ(list.packages[0].line, 6);
}

TEST(Sbom, NotAnSbomAndMalformedInput) {
  EXPECT_FALSE(looks_like_sbom(R"({"name": "x"})"));
  EXPECT_FALSE(looks_like_sbom("<project/>"));
  auto other = parse_sbom(R"({"name": "x"})", "x.json");
  EXPECT_TRUE(other.packages.empty());
  ASSERT_EQ(other.errors.size(), 1u);
  auto bad = parse_sbom("{\n\"bomFormat\": \"CycloneDX\",\n\"components\": [\n{,\n", "b.json");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "b.json");
  EXPECT_EQ(bad.errors[0].line(), 4);
  auto bad_xml = parse_sbom("<bom>\n<components>\n</bom>", "b.xml");
  ASSERT_EQ(bad_xml.errors.size(), 1u);
  EXPECT_EQ(bad_xml.errors[0].code(), Errc::kParse);
}

}  // namespace
}  // namespace sw::vuln
