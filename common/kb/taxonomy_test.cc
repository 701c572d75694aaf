#include "common/kb/taxonomy.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "common/testing/scratch.h"
#include "common/util/bundled_data.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

std::string DataDir() { return BundledDataDir(); }

TEST(TaxonomyTest, BundledTaxonomyHasRequiredLeaves) {
  auto t = Taxonomy::LoadFromFile(DataDir() + "/taxonomy/topics.jsonl");
  ASSERT_TRUE(t.ok()) << t.status();
  for (const char* id :
       {"conflict/armed-conflict", "conflict/ceasefire", "conflict/hostages",
        "conflict/terrorism", "diplomacy/negotiation", "diplomacy/visit",
        "diplomacy/alliance", "security/nuclear", "politics/domestic",
        "politics/elections", "economy/trade", "economy/labour",
        "law/corruption", "society/public-opinion", "humanitarian", "education"}) {
    // Every id of the first taxonomy (SPEC section 5) still names a topic,
    // as itself or as an alias.
    EXPECT_FALSE((*t)->Canonical(id).empty()) << id;
  }
  EXPECT_EQ((*t)->Canonical("economy/labour"), "labour");
  EXPECT_EQ((*t)->Canonical("conflict/ceasefire"), "conflict/ceasefire");
  int top_level = 0;
  for (const auto& topic : (*t)->topics()) {
    EXPECT_TRUE(absl::StartsWith(topic.iptc_code(), "medtop:")) << topic.id();
    EXPECT_FALSE(topic.definition().empty()) << topic.id();
    if (topic.parent().empty()) {
      ++top_level;
    } else {
      EXPECT_TRUE((*t)->Contains(topic.parent()));
    }
  }
  EXPECT_EQ(top_level, 17);  // IPTC Media Topics' top level
  EXPECT_GE((*t)->topics().size(), 150u);
}

TEST(TaxonomyTest, AliasQueriesReachOldAndNewIds) {
  auto t = Taxonomy::LoadFromFile(
      WriteScratchFile("aliases.jsonl", R"({"id": "politics"}
{"id": "politics/international", "aliases": ["diplomacy"]}
{"id": "politics/international/visit", "aliases": ["diplomacy/visit"]}
{"id": "labour", "aliases": ["economy/labour"]}
)"));
  ASSERT_TRUE(t.ok()) << t.status();
  // An old id finds claims stored under it and under the new id.
  EXPECT_EQ(absl::StrJoin((*t)->QueryIds("diplomacy"), ","),
            "diplomacy,diplomacy/visit,politics/international");
  // A new parent also finds old claims of its descendants.
  EXPECT_EQ(absl::StrJoin((*t)->QueryIds("politics"), ","),
            "politics,diplomacy,diplomacy/visit");
  EXPECT_EQ(absl::StrJoin((*t)->QueryIds("economy/labour"), ","),
            "economy/labour,labour");
  EXPECT_TRUE((*t)->QueryIds("no/such").empty());
}

TEST(TaxonomyTest, RejectsAliasClashesAndWrongParent) {
  EXPECT_FALSE(
      Taxonomy::LoadFromFile(WriteScratchFile("clash.jsonl", R"({"id": "a"}
{"id": "b", "aliases": ["a"]}
)"))
          .ok());
  EXPECT_FALSE(
      Taxonomy::LoadFromFile(
          WriteScratchFile("clash2.jsonl", R"({"id": "a", "aliases": ["x"]}
{"id": "b", "aliases": ["x"]}
)"))
          .ok());
  EXPECT_FALSE(
      Taxonomy::LoadFromFile(WriteScratchFile("parent.jsonl", R"({"id": "a"}
{"id": "b"}
{"id": "a/c", "parent": "b"}
)"))
          .ok());
}

TEST(TaxonomyTest, ExtraFileExtendsTopicsAndAddsNewOnes) {
  std::string base =
      WriteScratchFile("base.jsonl", R"({"id": "sport", "label": "Sport"}
)");
  std::string extra =
      WriteScratchFile("extra.jsonl", R"({"id": "sport", "keywords": ["Pelota"]}
{"id": "sport/pelota", "label": "Basque pelota", "iptc_code": "medtop:20000822", "iptc_exact": false}
)");
  auto t = Taxonomy::LoadFromFile(base, extra);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ((*t)->topics().size(), 2u);
  EXPECT_EQ((*t)->Find("sport")->label(), "Sport");
  EXPECT_TRUE((*t)->Find("sport/pelota")->iptc_broader());
  ASSERT_EQ((*t)->rules().size(), 1u);
  EXPECT_EQ((*t)->rules()[0].keywords[0], "pelota");
}

TEST(TaxonomyTest, ParentMustComeFirst) {
  auto t = Taxonomy::LoadFromFile(
      WriteScratchFile("child_first.jsonl", R"({"id": "a/b", "label": "B"})"
                                            "\n"));
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(t.status().message().find(":1:"), std::string::npos) << t.status();
}

TEST(TaxonomyTest, RejectsBadIdsAndUnknownFields) {
  EXPECT_FALSE(Taxonomy::LoadFromFile(WriteScratchFile("bad_id.jsonl",
                                                       R"({"id": "Bad Id"})"
                                                       "\n"))
                   .ok());
  EXPECT_FALSE(
      Taxonomy::LoadFromFile(WriteScratchFile("unknown.jsonl",
                                              R"({"id": "a", "colour": "red"})"
                                              "\n"))
          .ok());
  EXPECT_FALSE(
      Taxonomy::LoadFromFile(WriteScratchFile("dup.jsonl", R"({"id": "a"})"
                                                           "\n"
                                                           R"({"id": "a"})"
                                                           "\n"))
          .ok());
}

TEST(TaxonomyTest, KeywordsAreLowerCased) {
  auto t = Taxonomy::LoadFromFile(WriteScratchFile(
      "kw.jsonl",
      R"({"id": "x", "label": "X", "keywords": ["Cease-Fire", " Truce "]})"
      "\n"));
  ASSERT_TRUE(t.ok()) << t.status();
  ASSERT_EQ((*t)->rules().size(), 1u);
  EXPECT_EQ((*t)->rules()[0].keywords,
            (std::vector<std::string>{"cease-fire", "truce"}));
}

}  // namespace
}  // namespace claims
