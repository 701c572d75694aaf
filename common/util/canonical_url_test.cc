#include "common/util/canonical_url.h"

#include "gtest/gtest.h"

namespace claims {
namespace {

TEST(CanonicalUrlTest, SamePageCrawledDifferentlyIsOneUrl) {
  const std::string canonical = "https://example.com/news/a?a=1&b=2";
  EXPECT_EQ(CanonicalUrl("https://example.com/news/a?a=1&b=2"), canonical);
  EXPECT_EQ(CanonicalUrl("  HTTPS://www.Example.COM:443/news/a/?utm_source=x&b=2&a=1#top "),
            canonical);
  EXPECT_EQ(CanonicalUrl("https://user@example.com/news/a?fbclid=9&a=1&b=2"), canonical);
}

TEST(CanonicalUrlTest, DifferentPagesStayDifferent) {
  EXPECT_NE(CanonicalUrl("https://example.com/news/a"),
            CanonicalUrl("https://example.com/news/b"));
  EXPECT_NE(CanonicalUrl("https://example.com/news?id=1"),
            CanonicalUrl("https://example.com/news?id=2"));
  EXPECT_EQ(CanonicalUrl("http://example.com:8080/"), "http://example.com:8080");
}

TEST(CanonicalUrlTest, NotAnHttpUrlHasNoCanonicalForm) {
  EXPECT_EQ(CanonicalUrl(""), "");
  EXPECT_EQ(CanonicalUrl("example.com/news"), "");
  EXPECT_EQ(CanonicalUrl("ftp://example.com/file"), "");
  EXPECT_EQ(CanonicalUrl("https:///path"), "");
}

TEST(CanonicalUrlTest, HostOfCanonicalUrl) {
  EXPECT_EQ(UrlHost("https://example.com/news/a"), "example.com");
  EXPECT_EQ(UrlHost("http://example.com:8080?x=1"), "example.com");
  EXPECT_EQ(UrlHost("not a url"), "");
  EXPECT_EQ(NormalizeHost(" WWW.Reuters.com. "), "reuters.com");
}

}  // namespace
}  // namespace claims
