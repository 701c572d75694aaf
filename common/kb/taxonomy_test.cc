#include "common/kb/taxonomy.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "common/util/bundled_data.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

std::string DataDir() { return BundledDataDir(); }

std::string Write(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(TaxonomyTest, BundledTaxonomyHasRequiredLeaves) {
  auto t = Taxonomy::LoadFromFile(DataDir() + "/taxonomy/topics.jsonl");
  ASSERT_TRUE(t.ok()) << t.status();
  for (const char* id :
       {"conflict/armed-conflict", "conflict/ceasefire", "conflict/hostages",
        "conflict/terrorism", "diplomacy/negotiation", "diplomacy/visit",
        "diplomacy/alliance", "security/nuclear", "politics/domestic",
        "politics/elections", "economy/trade", "economy/labour",
        "law/corruption", "society/public-opinion", "humanitarian", "education"}) {
    EXPECT_TRUE((*t)->Contains(id)) << id;
  }
  for (const auto& topic : (*t)->topics()) {
    EXPECT_FALSE(topic.iptc_code().empty()) << topic.id();
    if (!topic.parent().empty()) {
      EXPECT_TRUE((*t)->Contains(topic.parent()));
    }
  }
  EXPECT_FALSE((*t)->rules().empty());
}

TEST(TaxonomyTest, ParentMustComeFirst) {
  auto t = Taxonomy::LoadFromFile(
      Write("child_first.jsonl", R"({"id": "a/b", "label": "B"})" "\n"));
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(t.status().message().find(":1:"), std::string::npos) << t.status();
}

TEST(TaxonomyTest, RejectsBadIdsAndUnknownFields) {
  EXPECT_FALSE(Taxonomy::LoadFromFile(Write("bad_id.jsonl", R"({"id": "Bad Id"})" "\n")).ok());
  EXPECT_FALSE(Taxonomy::LoadFromFile(
                   Write("unknown.jsonl", R"({"id": "a", "colour": "red"})" "\n"))
                   .ok());
  EXPECT_FALSE(Taxonomy::LoadFromFile(
                   Write("dup.jsonl", R"({"id": "a"})" "\n" R"({"id": "a"})" "\n"))
                   .ok());
}

TEST(TaxonomyTest, KeywordsAreLowerCased) {
  auto t = Taxonomy::LoadFromFile(Write(
      "kw.jsonl", R"({"id": "x", "label": "X", "keywords": ["Cease-Fire", " Truce "]})" "\n"));
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ((*t)->rules().size(), 1u);
  EXPECT_EQ((*t)->rules()[0].keywords,
            (std::vector<std::string>{"cease-fire", "truce"}));
}

}  // namespace
}  // namespace claims
