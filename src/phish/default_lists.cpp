// SPDX-License-Identifier: Apache-2.0
// The default data of the URL detectors: commonly impersonated brands' domains (from the
// targets PhishTank and APWG reports name most often), link shorteners, and TLDs that abuse
// reports (Spamhaus, Interisle) rank highest for phishing/abuse share. Plain tables: edit here.
#include "phish/analyzer.h"

namespace sw::phish {

const std::vector<std::string>& default_protected_domains() {
  static const std::vector<std::string> kDomains = {
      "paypal.com",
      "apple.com",
      "icloud.com",
      "microsoft.com",
      "office.com",
      "microsoftonline.com",
      "live.com",
      "outlook.com",
      "hotmail.com",
      "google.com",
      "gmail.com",
      "amazon.com",
      "facebook.com",
      "instagram.com",
      "whatsapp.com",
      "netflix.com",
      "dhl.com",
      "fedex.com",
      "ups.com",
      "usps.com",
      "chase.com",
      "bankofamerica.com",
      "wellsfargo.com",
      "citi.com",
      "linkedin.com",
      "dropbox.com",
      "docusign.com",
      "adobe.com",
      "steamcommunity.com",
      "steampowered.com",
      "ebay.com",
      "coinbase.com",
      "binance.com",
      "blockchain.com",
      "yahoo.com",
      "aol.com",
      "twitter.com",
      "americanexpress.com",
      "capitalone.com",
      "santander.com",
      "hsbc.com",
      "barclays.co.uk",
      "lloydsbank.com",
      "natwest.com",
      "itau.com.br",
      "bradesco.com.br",
      "caixa.gov.br",
      "att.com",
      "verizon.com",
      "spotify.com",
      "roblox.com",
      "discord.com",
      "metamask.io",
      "walmart.com",
      "irs.gov",
      "sharepoint.com",
      "onedrive.com",
      "wetransfer.com",
      "alibaba.com",
      "allegro.pl",
      // Crypto wallets and exchanges (wallet-drain lures), shops, security software renewals.
      "trustwallet.com",
      "ledger.com",
      "opensea.io",
      "temu.com",
      "shein.com",
      "aliexpress.com",
      "airbnb.com",
      "tiktok.com",
      "mcafee.com",
      "norton.com",
      // National banks, posts and tax offices impersonated outside the US.
      "nubank.com.br",
      "mercadolivre.com.br",
      "mercadopago.com",
      "correios.com.br",
      "detran.sp.gov.br",
      "sparkasse.de",
      "postbank.de",
      "commerzbank.de",
      "laposte.fr",
      "ameli.fr",
      "correos.es",
      "bbva.com",
      "caixabank.es",
      "intesasanpaolo.com",
      "postnl.nl",
      "rabobank.nl",
      "abnamro.nl",
      "royalmail.com",
      "hmrc.gov.uk",
      "auspost.com.au",
  };
  return kDomains;
}

const std::vector<std::string>& default_shorteners() {
  static const std::vector<std::string> kShorteners = {
      "bit.ly",  "tinyurl.com", "t.co",        "goo.gl", "ow.ly",   "is.gd",   "buff.ly",
      "cutt.ly", "rebrand.ly",  "shorturl.at", "rb.gy",  "t.ly",    "tiny.cc", "bitly.com",
      "v.gd",    "s.id",        "lnkd.in",     "soo.gd", "clck.ru", "qr.net",  "urlz.fr",
      "x.co",    "shorte.st",   "adf.ly",      "bc.vc",  "u.to",    "2.gp",    "short.io",
  };
  return kShorteners;
}

const std::vector<std::string>& default_suspicious_tlds() {
  static const std::vector<std::string> kTlds = {
      "tk",      "ml",    "ga",      "cf",      "gq",  "xyz",  "top", "buzz",  "icu",    "cyou",
      "zip",     "mov",   "work",    "rest",    "fit", "cfd",  "sbs", "click", "link",   "surf",
      "monster", "quest", "support", "country", "kim", "loan", "men", "party", "review", "gdn",
  };
  return kTlds;
}

const std::vector<std::string>& default_free_hosts() {
  // Services where anyone publishes a page or form for free: a suffix of the host, or
  // "host/path-prefix" for a path of a big provider (Google Forms).
  static const std::vector<std::string> kHosts = {
      "000webhostapp.com", "weebly.com",       "weeblysite.com",
      "wixsite.com",       "firebaseapp.com",  "web.app",
      "herokuapp.com",     "netlify.app",      "glitch.me",
      "repl.co",           "godaddysites.com", "webwavecms.com",
      "my-free.website",   "yolasite.com",     "jimdosite.com",
      "site123.me",        "mystrikingly.com", "wordpress.com",
      "blogspot.com",      "sites.google.com", "docs.google.com/forms",
      "forms.gle",         "ipfs.io",          "pages.dev",
      "workers.dev",       "vercel.app",       "github.io",
      "typeform.com",      "formstack.com",    "jotform.com",
      "squarespace.com",   "webflow.io",
  };
  return kHosts;
}

}  // namespace sw::phish
