// SPDX-License-Identifier: Apache-2.0
// gradle.lockfile parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockGradle, LinesCommentsEmptyAndBadLines) {
  const char* text =
      "# This is a Gradle generated file for dependency locking.\n"  // 1
      "cglib:cglib-nodep:2.1.2=testRuntimeClasspath,classpath\n"     // 2
      " org.springframework:spring-asm:3.1.3.RELEASE=classpath\n"    // 3
      " # io.grpc:grpc-api:1.21.1=classpath\n"                       // 4
      ">>>\n"                                                        // 5
      "a:b=classpath\n"                                              // 6
      "empty=annotationProcessor\n";                                 // 7
  auto list = parse_gradle_lockfile(text, "gradle.lockfile");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"cglib:cglib-nodep@2.1.2",
                                                 "org.springframework:spring-asm@3.1.3.RELEASE"}));
  ASSERT_EQ(list.packages.size(), 2u);
  EXPECT_EQ(list.packages[1].line, 3);
  EXPECT_EQ(list.packages[1].ecosystem, "Maven");
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0].line(), 5);
  EXPECT_EQ(list.errors[1].line(), 6);
  EXPECT_TRUE(is_gradle_lockfile("x/buildscript-gradle.lockfile"));
  EXPECT_FALSE(is_gradle_lockfile("x/build.gradle"));
}

}  // namespace
}  // namespace sw::vuln
