// SPDX-License-Identifier: Apache-2.0
// End to end: `shieldwall phish` on messages written here — a lookalike-domain credential phish,
// an honest mailing-list message, a forwarded phish inside a report, broken input — given as
// files, a directory, an mbox and a Maildir, and on URLs; text, JSON and HTML output; exit codes.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

namespace sw::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class PhishE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sw-phish-e2e-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p.string();
  }
  fs::path dir_;
};

// A credential phish: the name says PayPal, the domain is a lookalike, authentication fails at
// our own receiving server, the link text shows paypal.com while the link goes elsewhere.
const char kPhish[] =
    "Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=paypa1-secure.xyz;\r\n"
    " dkim=none; dmarc=fail (p=none) header.from=paypa1-secure.xyz\r\n"
    "From: PayPal Service <service@paypa1-secure.xyz>\r\n"
    "To: someone@example.com\r\n"
    "Subject: Your account has been suspended - verify within 24 hours\r\n"
    "Message-ID: <1@paypa1-secure.xyz>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<html><body><p>Dear customer, we noticed unusual activity. Your account has been "
    "suspended. Verify your account within 24 hours or it will be closed.</p>"
    "<p><a href=\"http://paypa1-secure.xyz/webscr/login\">https://www.paypal.com/signin</a></p>"
    "</body></html>\r\n";

// An honest list message: DKIM passes for the author's domain at our receiver, List-Id, text.
const char kHam[] =
    "Authentication-Results: mx.example.com; dkim=pass header.d=kernel.org;\r\n"
    " spf=pass smtp.mailfrom=vger.kernel.org; dmarc=pass header.from=kernel.org\r\n"
    "From: Jane Developer <jane@kernel.org>\r\n"
    "To: linux-man@vger.kernel.org\r\n"
    "Subject: [PATCH v2] man2/open.2: describe O_TMPFILE limits\r\n"
    "List-Id: <linux-man.vger.kernel.org>\r\n"
    "Message-ID: <20260101.1@kernel.org>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=us-ascii\r\n"
    "\r\n"
    "Hi,\r\n\r\nThis patch documents the O_TMPFILE limits, see\r\n"
    "https://git.kernel.org/pub/scm/docs/man-pages/man-pages.git/ for the tree.\r\n\r\n"
    "Thanks,\r\nJane\r\n";

json parse_json(const test::Run& r) {
  EXPECT_FALSE(r.out.empty()) << r.err;
  return json::parse(r.out);
}

TEST_F(PhishE2e, PhishIsCaughtAndExplainedLegitimatePasses) {
  std::string phish = write("phish.eml", kPhish);
  std::string ham = write("ham.eml", kHam);
  test::Run r = run_shieldwall({"phish", "--format", "json", phish, ham});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // something is phishing
  json j = parse_json(r);
  EXPECT_EQ(j["schema"], "shieldwall.phish/v1");
  ASSERT_EQ(j["results"].size(), 2u);
  const json& p = j["results"][0];
  EXPECT_EQ(p["file"], phish);
  EXPECT_EQ(p["verdict"], "phishing") << p.dump(2);
  EXPECT_GE(p["score"].get<int>(), 60);
  std::string all_text;
  std::set<std::string> detectors;
  for (const auto& reason : p["reasons"]) {
    all_text += reason["text"].get<std::string>() + "\n";
    detectors.insert(reason["detector"].get<std::string>());
  }
  EXPECT_NE(all_text.find("paypa1-secure.xyz"), std::string::npos) << all_text;
  EXPECT_GE(detectors.size(), 4u) << all_text;  // several independent signs, each explained
  EXPECT_TRUE(p["follow_ups"].contains("recipient"));
  EXPECT_TRUE(p["follow_ups"].contains("organization")) << p["follow_ups"].dump();

  const json& h = j["results"][1];
  EXPECT_EQ(h["file"], ham);
  EXPECT_EQ(h["verdict"], "legitimate") << h.dump(2);
  EXPECT_EQ(j["summary"]["phishing"], 1);
  EXPECT_EQ(j["summary"]["legitimate"], 1);
}

TEST_F(PhishE2e, TextIsWrittenForTheRecipient) {
  std::string phish = write("phish.eml", kPhish);
  test::Run r = run_shieldwall({"phish", phish});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("PHISHING"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Subject: Your account has been suspended"), std::string::npos);
  EXPECT_NE(r.out.find("What to do:"), std::string::npos);
  EXPECT_NE(r.out.find("Do not click"), std::string::npos);
  EXPECT_NE(r.out.find("1 analysed: 1 phishing"), std::string::npos);
}

TEST_F(PhishE2e, DirectoryMboxAndMaildir) {
  write("box/a.eml", kPhish);
  write("box/sub/b.eml", kHam);
  std::string mbox =
      write("inbox.mbox", std::string("From a@b Thu Jan  1 00:00:00 2026\n") + kHam +
                              "\nFrom c@d Thu Jan  1 00:00:00 2026\n" + kPhish + "\n");
  write("md/cur/1.eml:2,S", kHam);
  write("md/new/2.eml", kPhish);
  write("md/tmp/3.eml", kPhish);  // being delivered: not read
  test::Run r = run_shieldwall({"phish", "--format", "json", (dir_ / "box").string(), "--mbox",
                                mbox, "--maildir", (dir_ / "md").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = parse_json(r);
  EXPECT_EQ(j["summary"]["analysed"], 6) << r.out;
  EXPECT_EQ(j["summary"]["phishing"], 3);
  EXPECT_EQ(j["summary"]["legitimate"], 3);
}

TEST_F(PhishE2e, BadInputIsNamedAndTheRestIsStillAnalysed) {
  std::string phish = write("phish.eml", kPhish);
  std::string empty = write("empty.eml", "");
  std::string missing = (dir_ / "missing.eml").string();
  test::Run r = run_shieldwall({"phish", "--format", "json", empty, missing, phish});
  EXPECT_EQ(r.exit_code, 2) << r.err;  // input problems win over findings
  EXPECT_NE(r.err.find("empty.eml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.eml"), std::string::npos) << r.err;
  json j = parse_json(r);
  EXPECT_EQ(j["summary"]["phishing"], 1);
  EXPECT_GE(j["summary"]["errors"], 1);
}

TEST_F(PhishE2e, BrokenBytesDoNotBreakTheJson) {
  std::string msg = write("bytes.eml",
                          "From: \xff\xfe <a@example.org>\r\nSubject: caf\xe9 \xff\r\n"
                          "Content-Type: text/plain; charset=nonsense\r\n\r\n"
                          "see http://example.org/\xff\xfe path\r\n");
  test::Run r = run_shieldwall({"phish", "--format", "json", msg});
  EXPECT_LT(r.exit_code, 2) << r.err;
  json j = parse_json(r);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_NE(j["results"][0]["verdict"], "error");
}

TEST_F(PhishE2e, UrlsAlone) {
  test::Run r = run_shieldwall({"phish", "--format", "json", "http://paypal.com@198.51.100.7/login",
                                "https://en.wikipedia.org/wiki/Phishing"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = parse_json(r);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["kind"], "url");
  EXPECT_EQ(j["results"][0]["url"], "http://paypal.com@198.51.100.7/login");
  EXPECT_EQ(j["results"][0]["verdict"], "phishing");
  EXPECT_EQ(j["results"][1]["verdict"], "legitimate");

  std::string list = write("urls.txt", "# feed\nhttps://en.wikipedia.org/\n\n");
  test::Run r2 = run_shieldwall({"phish", "--urls", list});
  EXPECT_EQ(r2.exit_code, 0) << r2.err;
  EXPECT_NE(r2.out.find("1 analysed: 0 phishing, 0 suspicious, 1 look legitimate"),
            std::string::npos)
      << r2.out;

  // A line that is no web address: named with its line, the rest analysed, exit code 2.
  std::string mixed = write("mixed.txt", "https://en.wikipedia.org/\nhttp://[broken\n");
  test::Run r3 = run_shieldwall({"phish", "--urls", mixed});
  EXPECT_EQ(r3.exit_code, 2) << r3.err;
  EXPECT_NE(r3.err.find("mixed.txt:2: not a valid web address: http://[broken"), std::string::npos)
      << r3.err;
  EXPECT_NE(r3.out.find("1 look legitimate, 1 could not be analysed"), std::string::npos) << r3.out;
}

TEST_F(PhishE2e, FeedsListKnownBadUrls) {
  std::string feed = write("openphish.txt", "https://en.wikipedia.org/wiki/Fake_login\n");
  test::Run r = run_shieldwall(
      {"phish", "--format", "json", "--feed", feed, "https://en.wikipedia.org/wiki/Fake_login"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = parse_json(r);
  EXPECT_EQ(j["results"][0]["verdict"], "phishing");
  EXPECT_EQ(j["results"][0]["reasons"][0]["detector"], "feed");

  // A line that is not a URL is named (file and line), the rest of the feed still used, exit 2.
  std::string bad =
      write("bad-feed.txt", "http://[oops\nhttps://en.wikipedia.org/wiki/Fake_login\n");
  test::Run r2 = run_shieldwall(
      {"phish", "--format", "json", "--feed", bad, "https://en.wikipedia.org/wiki/Fake_login"});
  EXPECT_EQ(r2.exit_code, 2) << r2.err;
  EXPECT_NE(r2.err.find("bad-feed.txt:1: "), std::string::npos) << r2.err;
  EXPECT_EQ(parse_json(r2)["results"][0]["verdict"], "phishing");
}

TEST_F(PhishE2e, HtmlPageIsSelfContainedAndInert) {
  std::string phish = write("phish.eml", kPhish);
  std::string out = (dir_ / "report.html").string();
  test::Run r = run_shieldwall({"phish", "--format", "html", "-o", out, phish});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string html = read_text(out);
  EXPECT_NE(html.find("PHISHING"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);  // no live link to the trap
}

TEST_F(PhishE2e, ConfigProtectsPeopleAndRejectsBadKeys) {
  std::string msg = write("ceo.eml",
                          "From: Maria Lopez <maria.lopez.ceo@gmail.com>\r\n"
                          "Subject: quick favour\r\n"
                          "Content-Type: text/plain\r\n\r\n"
                          "Are you at your desk? I need you to buy gift cards for a client "
                          "today. Reply with the codes.\r\n");
  std::string cfg = write("shieldwall.toml",
                          "[phish]\nown_domains = [\"example.com\"]\n"
                          "[[phish.protected_person]]\nname = \"Maria Lopez\"\n"
                          "domains = [\"example.com\"]\n");
  test::Run r = run_shieldwall({"phish", "--format", "json", "--config", cfg, msg});
  json j = parse_json(r);
  bool person = false;
  for (const auto& reason : j["results"][0]["reasons"]) {
    if (reason["text"].get<std::string>().find("Maria Lopez") != std::string::npos) person = true;
  }
  EXPECT_TRUE(person) << r.out;
  EXPECT_NE(j["results"][0]["verdict"], "legitimate") << r.out;

  std::string bad = write("bad.toml", "[phish]\nphishing_at = \"high\"\n");
  test::Run r2 = run_shieldwall({"phish", "--config", bad, msg});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_NE(r2.err.find("bad.toml:2"), std::string::npos) << r2.err;
}

}  // namespace
}  // namespace sw::test
