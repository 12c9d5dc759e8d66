// SPDX-License-Identifier: Apache-2.0
// pom.xml parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockMaven, PropertiesManagementScopesRangesAndProfiles) {
  const char* text = R"(<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>7.1</version></parent>
  <artifactId>app</artifactId>
  <properties>
    <bob.version>2.0.0</bob.version>
    <range>[9.4.35.v20201120,9.5)</range>
    <nested>${bob.version}</nested>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.alice</groupId>
      <artifactId>alice</artifactId>
      <version>1.0.0</version>
    </dependency>
    <dependency>
      <groupId>org.bob</groupId><artifactId>bob</artifactId><version>${nested}</version>
    </dependency>
    <dependency>
      <groupId>${project.groupId}</groupId><artifactId>sibling</artifactId><version>${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.chuck</groupId><artifactId>chuck</artifactId>
    </dependency>
    <dependency>
      <groupId>org.r</groupId><artifactId>ranged</artifactId><version>${range}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <dependencyManagement><dependencies>
    <dependency><groupId>org.chuck</groupId><artifactId>chuck</artifactId><version>3.0.0</version></dependency>
    <dependency><groupId>org.unused</groupId><artifactId>unused</artifactId><version>1</version></dependency>
  </dependencies></dependencyManagement>
  <profiles>
    <profile><activation><activeByDefault>true</activeByDefault></activation>
      <dependencies><dependency><groupId>org.on</groupId><artifactId>on</artifactId><version>1</version></dependency></dependencies>
    </profile>
    <profile>
      <dependencies><dependency><groupId>org.off</groupId><artifactId>off</artifactId><version>1</version></dependency></dependencies>
    </profile>
  </profiles>
</project>
)";
  auto list = parse_pom_xml(text, "pom.xml");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"org.alice:alice@1.0.0", "org.bob:bob@2.0.0",
                                                 "org.p:sibling@7.1", "org.chuck:chuck@3.0.0",
                                                 "org.r:ranged@9.4.35.v20201120", "org.on:on@1"}));
  ASSERT_EQ(list.packages.size(), 6u);
  EXPECT_EQ(list.packages[0].ecosystem, "Maven");
  EXPECT_EQ(list.packages[0].line, 11);
  EXPECT_EQ(list.packages[4].groups, std::vector<std::string>{"test"});
}

TEST(LockMaven, UnresolvableVersionsAreReportedNotGuessed) {
  const char* text =
      "<project>\n"
      "  <dependencies>\n"
      "    <dependency><groupId>a</groupId><artifactId>inherited</artifactId></dependency>\n"
      "    <dependency><groupId>a</groupId><artifactId>undefined</artifactId>"
      "<version>${nope}</version></dependency>\n"
      "    <dependency><groupId>a</groupId></dependency>\n"
      "  </dependencies>\n"
      "</project>\n";
  auto list = parse_pom_xml(text, "m/pom.xml");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"a:inherited@", "a:undefined@"}));
  ASSERT_EQ(list.errors.size(), 3u);
  EXPECT_EQ(list.errors[0].line(), 3);
  EXPECT_EQ(list.errors[0].code(), Errc::kUnsupported);
  EXPECT_EQ(list.errors[1].line(), 4);
  EXPECT_NE(list.errors[1].message().find("nope"), std::string::npos);
  EXPECT_EQ(list.errors[2].line(), 5);
  EXPECT_EQ(list.errors[2].code(), Errc::kParse);
}

TEST(LockMaven, SameArtifactTwiceIsOnePackageTheLaterWins) {
  auto list = parse_pom_xml(
      "<project><dependencies>\n"
      "<dependency><groupId>c</groupId><artifactId>l</artifactId><classifier>s</classifier>"
      "<version>1.0.0</version></dependency>\n"
      "<dependency><groupId>c</groupId><artifactId>l</artifactId><version>1.0.1</version>"
      "</dependency>\n"
      "</dependencies></project>",
      "pom.xml");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"c:l@1.0.1"}));
  ASSERT_EQ(list.packages.size(), 1u);
  EXPECT_EQ(list.packages[0].line, 3);
}

TEST(LockMaven, MalformedXmlNamesFileAndLine) {
  auto list = parse_pom_xml("<project>\n<dependencies>\n<dependency>\n</project>\n", "pom.xml");
  EXPECT_TRUE(list.packages.empty());
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "pom.xml");
  EXPECT_GE(list.errors[0].line(), 3);
  EXPECT_EQ(parse_pom_xml("<other/>", "pom.xml").errors.size(), 1u);
}

}  // namespace
}  // namespace sw::vuln
