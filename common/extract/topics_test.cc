#include "common/extract/topics.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "common/text/tokenizer.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

std::unique_ptr<Taxonomy> Load(const std::string& text) {
  std::string path = ::testing::TempDir() + "/topics_test.jsonl";
  std::ofstream(path) << text;
  auto t = Taxonomy::LoadFromFile(path);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? std::move(*t) : nullptr;
}

// "topic:keyword:hits" per hit, in order.
std::string Tag(const TopicTagger& tagger, const std::string& sentence) {
  std::vector<std::string> out;
  for (const TopicHit& h : tagger.Tag(text::Tokenize(sentence, 0, sentence.size()))) {
    out.push_back(h.topic + ":" + h.keyword + ":" + std::to_string(h.hits));
  }
  return absl::StrJoin(out, " ");
}

TEST(TopicTaggerTest, MatchesWholeWordPhrasesMostSpecificFirst) {
  auto taxonomy = Load(
      R"({"id": "conflict", "label": "C", "keywords": ["war", "peace"]})" "\n"
      R"({"id": "conflict/ceasefire", "label": "CF", "keywords": ["peace talks", "peace talks collapse", "truce"]})" "\n"
      R"({"id": "politics", "label": "P", "keywords": ["president 's office", "cease-fire"]})" "\n");
  ASSERT_NE(taxonomy, nullptr);
  TopicTagger tagger(*taxonomy);
  // The child wins over its parent; both of its phrases count once each.
  EXPECT_EQ(Tag(tagger, "Peace talks resumed, and the truce held after the peace talks."),
            "conflict/ceasefire:peace talks:2");
  // A prefix of a longer phrase is not a match by itself.
  EXPECT_EQ(Tag(tagger, "The peace held."), "conflict:peace:1");
  EXPECT_EQ(Tag(tagger, "Peace talks collapse again."), "conflict/ceasefire:peace talks:2");
  EXPECT_EQ(Tag(tagger, "Warfare is not war."), "conflict:war:1");
  EXPECT_EQ(Tag(tagger, "Nothing here."), "");
  // Possessives are words of their own, with either apostrophe.
  EXPECT_EQ(Tag(tagger, "The President's office said so."), "politics:president 's office:1");
  EXPECT_EQ(Tag(tagger, "The President\xE2\x80\x99s office said so."),
            "politics:president 's office:1");
  // Typographic hyphens inside a word are normalized (U+2010).
  EXPECT_EQ(Tag(tagger, "A Cease\xE2\x80\x90" "Fire now."), "politics:cease-fire:1");
}

}  // namespace
}  // namespace claims
